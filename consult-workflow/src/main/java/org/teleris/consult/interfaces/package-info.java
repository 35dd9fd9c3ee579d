/**
 * Stage II's HTTP face: upload sessions, DICOMweb (STOW-RS, QIDO-RS, WADO-RS) and their JSON
 * error mapping.
 */
package org.teleris.consult.interfaces;

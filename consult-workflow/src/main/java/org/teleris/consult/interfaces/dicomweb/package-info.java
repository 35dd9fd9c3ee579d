/**
 * DICOMweb (PS3.18) under /api/dicomweb: STOW-RS into the caller's open upload session, QIDO-RS
 * and WADO-RS over the study index, with the DICOM JSON model and multipart/related bodies.
 */
package org.teleris.consult.interfaces.dicomweb;

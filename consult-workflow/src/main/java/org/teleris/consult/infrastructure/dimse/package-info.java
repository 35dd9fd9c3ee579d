/**
 * The DICOM network interface (C-ECHO and C-STORE SCP): the upper-layer protocol, the association
 * policy and the listener started with the application. PixelMed is used only in this package.
 */
package org.teleris.consult.infrastructure.dimse;

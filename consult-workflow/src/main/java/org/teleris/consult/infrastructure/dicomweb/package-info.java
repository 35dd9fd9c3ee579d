/**
 * PixelMed behind the DICOMweb read side: an instance's header as the DICOM JSON model, its raw
 * frames, and rendered pictures.
 */
package org.teleris.consult.infrastructure.dicomweb;

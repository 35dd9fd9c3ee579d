/**
 * Adapters to the outside world: the own header reader/writer for the common DICOM file, PixelMed for every other
 * (the only package that imports com.pixelmed), Apache Tika, the tesseract and ffmpeg/ffprobe command lines, and
 * image codecs. Nothing here decides what is identifying; the domain does.
 */
package org.teleris.anonymizer.infrastructure;

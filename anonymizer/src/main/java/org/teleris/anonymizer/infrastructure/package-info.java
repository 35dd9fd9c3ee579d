/**
 * Adapters to the outside world: PixelMed (the only package that imports com.pixelmed), Apache Tika, the tesseract
 * and ffmpeg/ffprobe command lines, and image codecs. Nothing here decides what is identifying; the domain does.
 */
package org.teleris.anonymizer.infrastructure;

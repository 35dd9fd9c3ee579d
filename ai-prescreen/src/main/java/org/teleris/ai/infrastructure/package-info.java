/**
 * Infrastructure of the AI prescreen: ONNX Runtime sessions, the ONNX graph writer and built-in model,
 * the model directory registry, PixelMed readers and writers (DICOM slices, SR, secondary capture), image codecs.
 */
package org.teleris.ai.infrastructure;

/**
 * Tests of the infrastructure with the real toolkits: ONNX models written by the project and run by ONNX
 * Runtime (registry, failures, time-outs), PixelMed reading and writing, dciodvfy on what is written.
 */
package org.teleris.ai.infrastructure;

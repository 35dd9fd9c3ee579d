/**
 * The ai-prescreen library (ONNX Runtime) for whole studies, and the managed thread that runs it
 * after a study is received or on request.
 */
package org.teleris.consult.infrastructure.ai;

/**
 * Tests of the use cases with the real built-in ONNX model: involvement accuracy on synthetic phantoms,
 * the service's queue, time-out and failure handling, draft texts and the card's evaluated AUC.
 */
package org.teleris.ai.application;

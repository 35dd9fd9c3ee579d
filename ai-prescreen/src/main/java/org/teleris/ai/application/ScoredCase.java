package org.teleris.ai.application;

/**
 * One case for accuracy monitoring: the model's probability and the doctors' decision, e.g. stage I
 * "full study requested" vs "declined", or the expert's CT-1..4 vs CT-0.
 */
public record ScoredCase(String modelId, double probability, boolean positive) {
}

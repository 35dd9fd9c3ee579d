package org.teleris.ai.domain;

/** One model-grid slice kept for the heat map: windowed HU and the finding map, both height x width. */
public record KeySlice(int modelSlice, int height, int width, double pixelMm, float[] hu, float[] finding) {
}

package org.teleris.ai.application;

import org.teleris.ai.domain.GridMapping;

/** Model input on the card's grid (windowed, normalised) and how source pixels map onto it. */
public record PreparedInput(float[] values, float[] windowedHu, int depth, GridMapping mapping) {
}

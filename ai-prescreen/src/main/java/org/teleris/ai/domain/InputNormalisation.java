package org.teleris.ai.domain;

/** How the windowed HU values are handed to a model. */
public enum InputNormalisation {
    /** Hounsfield units clipped to the window. */
    HU,
    /** Clipped to the window, then mapped linearly to 0..1 (typical of trained networks). */
    UNIT
}

package org.teleris.ai.domain;

/** A source image the result refers to (for SR references and the capture series). */
public record SourceInstance(String sopClassUid, String sopInstanceUid, String seriesInstanceUid,
                             int sliceIndex) {
}

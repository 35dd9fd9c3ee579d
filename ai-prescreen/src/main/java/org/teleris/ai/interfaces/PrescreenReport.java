package org.teleris.ai.interfaces;

import java.util.Optional;
import org.teleris.ai.domain.PrescreenResult;

/**
 * What a bot message or a study page shows: the result, a heat map (PNG, research marking burned in;
 * empty unless completed with a localisation map) and the draft text in English and Russian.
 * Advice only: nothing here changes a case state.
 */
public record PrescreenReport(PrescreenResult result, byte[] heatMapPng, String draftEnglish, String draftRussian) {
    public static final String LABEL = PrescreenResult.RESEARCH_ONLY;

    public Optional<byte[]> heatMap() {
        return Optional.ofNullable(heatMapPng);
    }

    public String label() {
        return LABEL;
    }

    /** The storable part of the result. */
    public ResultSummary summary() {
        return ResultSummary.of(result);
    }
}

package org.teleris.triage.application;

import java.util.List;

/** Port: an AI prescreen of a case's previews, for information only. */
public interface PreviewPrescreening {

    /** What the AI says, ready to be posted; the heat map is absent when nothing was analysed. */
    record Prescreen(String text, byte[] heatMapPng) {
    }

    /** Blocks until the AI answers or gives up; never throws for a model failure (that is a defect message). */
    Prescreen analyse(List<byte[]> previews);
}

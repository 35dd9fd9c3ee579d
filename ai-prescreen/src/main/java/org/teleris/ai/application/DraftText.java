package org.teleris.ai.application;

/** A draft description in both service languages, already labelled as AI and research-only. */
public record DraftText(String english, String russian) {
}

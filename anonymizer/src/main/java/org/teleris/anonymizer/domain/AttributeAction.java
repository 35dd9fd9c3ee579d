package org.teleris.anonymizer.domain;

/**
 * One line of the report: where (tag path such as {@code (0040,A730)[2].(0040,A123)}), what Annex E action was
 * applied and which rule chose it. Never the value.
 */
public record AttributeAction(String tagPath, String action, String rule) {
}

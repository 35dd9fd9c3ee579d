package org.teleris.anonymizer.domain;

/**
 * Something the verifier found: where (a tag path, or {@code raw-bytes@offset}), what kind, and a description that
 * names the rule, never the value.
 */
public record Finding(String location, FindingKind kind, String description) {
}

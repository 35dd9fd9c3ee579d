package org.teleris.anonymizer.domain;

/** The sanitised preview: bytes safe to store and show, their real media type, and the report. */
public record SanitizedPreview(byte[] bytes, String mediaType, PreviewReport report) {
}

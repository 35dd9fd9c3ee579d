package org.teleris.triage.domain;

/**
 * Fired for every preview or chat-image upload, accepted or refused, for the anonymisation audit.
 * Carries the anonymiser's report (what was removed or masked, never values) or the rejection code
 * and reason; never the content or the uploaded file's name.
 */
public record PreviewUploaded(String previewId, String organisationId, String uploaderUsername, String kind,
                              long sizeBytes, boolean accepted, String rejectionCode, String mediaType,
                              String reportJson, String reason) {
}

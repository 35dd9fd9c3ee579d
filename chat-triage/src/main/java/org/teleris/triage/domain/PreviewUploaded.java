package org.teleris.triage.domain;

/**
 * Fired for every preview upload, accepted or refused, for the anonymisation audit. Carries the
 * rejection code, never the content or the uploaded file's name.
 */
public record PreviewUploaded(String previewId, String organisationId, String uploaderUsername, String kind,
                              long sizeBytes, boolean accepted, String rejectionCode) {
}

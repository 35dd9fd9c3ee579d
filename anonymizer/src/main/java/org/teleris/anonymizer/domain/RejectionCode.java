package org.teleris.anonymizer.domain;

/** Machine codes for refusals; each comes with a human-readable message in {@link Rejection}. */
public enum RejectionCode {
    NOT_DICOM,
    UNREADABLE_DICOM,
    PIXEL_DATA_NOT_CLEANABLE,
    /** Encapsulated documents (PDF, CDA, 3D models): their content is opaque to the profile. */
    CONTENT_NOT_CLEANABLE,
    RESIDUAL_PHI,
    PROFILE_NOT_APPLIED,
    UNSUPPORTED_MEDIA_TYPE,
    MEDIA_TOO_LARGE,
    MEDIA_UNREADABLE,
    TOOL_FAILED
}

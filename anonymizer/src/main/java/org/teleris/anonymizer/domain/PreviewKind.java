package org.teleris.anonymizer.domain;

/** The only preview types accepted for stage I triage, with the media type we answer with. */
public enum PreviewKind {
    JPEG("image/jpeg"),
    PNG("image/png"),
    MP4("video/mp4"),
    WEBM("video/webm"),
    DICOM("application/dicom");

    private final String mediaType;

    PreviewKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Maps what content detection says (never the name) to an allowed kind, or null. */
    public static PreviewKind fromDetectedType(String detected) {
        return switch (detected) {
            case "image/jpeg" -> JPEG;
            case "image/png" -> PNG;
            case "video/mp4", "video/quicktime", "application/mp4" -> MP4;
            // Tika's magic cannot tell WebM from other Matroska; ffprobe's codec check does that next.
            case "video/webm", "video/x-matroska", "application/x-matroska", "audio/webm" -> WEBM;
            case "application/dicom" -> DICOM;
            default -> null;
        };
    }

    public boolean isVideo() {
        return this == MP4 || this == WEBM;
    }
}

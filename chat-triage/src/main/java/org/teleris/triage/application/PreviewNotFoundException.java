package org.teleris.triage.application;

/** No such preview, or one the caller may not see: the same answer. */
public class PreviewNotFoundException extends RuntimeException {
    public PreviewNotFoundException(String previewId) {
        super("No preview " + previewId + ".");
    }
}

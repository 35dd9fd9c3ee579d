package org.teleris.triage.application;

/** Port: turns a stored (already sanitised) DICOM preview into an image a browser shows. */
public interface PreviewRendering {

    /** @throws IllegalArgumentException when the bytes hold no displayable image */
    byte[] png(byte[] dicom);
}

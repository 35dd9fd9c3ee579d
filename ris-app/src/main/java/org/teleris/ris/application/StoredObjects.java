package org.teleris.ris.application;

/** Port: the stored bytes of an uploaded object, from the context that keeps them. */
public interface StoredObjects {

    /** Bytes and media type. */
    record Stored(byte[] bytes, String mediaType) {
    }

    Stored preview(String previewId);

    Stored studyInstance(String sopInstanceUid);
}

package org.teleris.anonymizer.infrastructure;

import org.apache.tika.Tika;

/** Detects what bytes really are from their content (magic numbers), never from a name or a client's claim. */
public final class TikaMediaDetector {

    private final Tika tika = new Tika();

    public String detect(byte[] content) {
        // No file name is passed on purpose: Tika would let a ".jpg" name sway an ambiguous result.
        return tika.detect(content);
    }
}

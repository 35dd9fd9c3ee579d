package org.teleris.anonymizer.infrastructure;

/** Pixels would need cleaning but cannot be changed safely (compressed, unsupported photometric interpretation...). */
public class PixelDataNotCleanableException extends Exception {

    public PixelDataNotCleanableException(String message) {
        super(message);
    }
}

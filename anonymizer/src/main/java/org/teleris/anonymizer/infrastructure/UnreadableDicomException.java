package org.teleris.anonymizer.infrastructure;

/** The bytes are not DICOM, or not DICOM we can parse; the message says which, without any value from the file. */
public class UnreadableDicomException extends Exception {

    private final boolean notDicomAtAll;

    public UnreadableDicomException(String message, boolean notDicomAtAll, Throwable cause) {
        super(message, cause);
        this.notDicomAtAll = notDicomAtAll;
    }

    public boolean notDicomAtAll() {
        return notDicomAtAll;
    }
}

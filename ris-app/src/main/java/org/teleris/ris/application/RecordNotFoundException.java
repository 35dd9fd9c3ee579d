package org.teleris.ris.application;

/** No such anonymisation record: 404. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String id) {
        super("No anonymisation record " + id + ".");
    }
}

package org.teleris.consult.infrastructure.dimse;

import java.nio.file.Path;

/**
 * What the DICOM listener asks of the product: whether a calling AE may associate, and what to do
 * with each received instance. Implementations are called on the association's thread.
 */
interface StorageProvider {

    /** The peer of one accepted association, or {@code null} to refuse the association. */
    Peer admit(String callingAeTitle);

    /** A calling AE that was admitted; stores the instances it sends. */
    interface Peer {

        /**
         * Takes one received instance (a Part 10 file the caller deletes afterwards) and answers the
         * C-STORE status with an error comment (null on success).
         */
        StoreAnswer store(Path receivedFile);
    }

    /** A DIMSE status and its error comment (at most 64 characters, never PHI). */
    record StoreAnswer(int status, String errorComment) {

        static final int SUCCESS = 0x0000;

        static StoreAnswer success() {
            return new StoreAnswer(SUCCESS, null);
        }
    }
}

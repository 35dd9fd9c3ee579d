package org.teleris.consult.application.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.teleris.consult.domain.intake.InstanceHeader;

/** Port: where de-identified instances live as files, written atomically. */
public interface StudyStorage {

    /**
     * Writes the bytes under a path derived from the organisation, UIDs and content hash (temp
     * file, fsync, atomic rename, directory fsync) and returns that path, relative to the store.
     * Writing identical content again is harmless.
     */
    String write(String organisationId, InstanceHeader header, String sha256, byte[] bytes) throws IOException;

    Path resolve(String relativePath);

    void delete(String relativePath);

    /** Removes temp files and files no index row points to; returns how many were removed. */
    int sweep(Set<String> indexedPaths) throws IOException;
}

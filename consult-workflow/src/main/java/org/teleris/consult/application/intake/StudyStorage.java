package org.teleris.consult.application.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.teleris.consult.domain.intake.InstanceHeader;

/** Port: where de-identified instances live as files, staged then published durably under their content name. */
public interface StudyStorage {

    /**
     * A fresh path in the store's staging area (the same file system as the store) for an instance
     * being prepared; the caller deletes it when it is not published. Left-overs are swept at start-up.
     */
    Path stagingFile() throws IOException;

    /**
     * Publishes a completely written staged file under the path derived from the organisation,
     * UIDs and content hash and makes it durable (the file and its directory entry are fsynced
     * before this returns); the staged name is gone afterwards. A file already under that name has
     * the same content and is kept. Returns the path relative to the store.
     */
    default String publish(String organisationId, InstanceHeader header, String sha256, Path staged, Timings timings)
            throws IOException {
        Publication publication = link(organisationId, header, sha256, staged, timings);
        publication.awaitDurable();
        return publication.path();
    }

    /**
     * Links a completely written staged file under its content name, as {@link #publish} does, and starts
     * its fsyncs on other threads: the caller does what needs no durable file meanwhile (the index row's
     * statements) and awaits the publication before anything that names the file commits.
     */
    Publication link(String organisationId, InstanceHeader header, String sha256, Path staged, Timings timings)
            throws IOException;

    /** A file linked under its content name whose fsyncs are under way. */
    interface Publication {

        /** The path relative to the store. */
        String path();

        /**
         * Returns once the file and its directory entry are on disk (at once when they are already);
         * fills the fsync figures of the publication's timings.
         */
        void awaitDurable() throws IOException;
    }

    /** Nanoseconds of the steps of one publication, for the intake's timing event. */
    final class Timings {
        /** The file's fsync, from the link to its end (beside whatever the caller did meanwhile). */
        public long fileFsync;
        /** How long {@link Publication#awaitDurable()} waited: the fsyncs' time not hidden behind other work. */
        public long awaited;
    }

    Path resolve(String relativePath);

    void delete(String relativePath);

    /** Removes temp files and files no index row points to; returns how many were removed. */
    int sweep(Set<String> indexedPaths) throws IOException;
}

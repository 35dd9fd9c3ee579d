package org.teleris.anonymizer.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uploader's memory between runs: an append-only file, synced at every line, with one line per step
 * of a file ({@code key UPLOADING address}, {@code key DONE status uid reason}, {@code key DELETED address});
 * the last line of a file wins. It survives a killed uploader as well as a killed server. The uploader's
 * parallel lanes share it.
 */
final class UploadState {

    private final Path file;
    private final Map<String, String[]> latest = new LinkedHashMap<>();
    /** Uploads whose outcome is known but whose deletion the server has not confirmed (it died first). */
    private final Map<String, String> undeleted = new LinkedHashMap<>();

    UploadState(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 3 && f[1].equals("DELETED")) {
                    undeleted.remove(f[0]);
                } else if (f.length >= 2) {
                    latest.put(f[0], f);
                    if (f[1].equals("UPLOADING") && f.length >= 3) {
                        undeleted.put(f[0], f[2]);
                    }
                }
            }
        }
    }

    /** The last step recorded for a file: its fields, or null when it was never sent. */
    synchronized String[] latest(String key) {
        return latest.get(key);
    }

    /** The address of a file's upload that the server has not yet confirmed deleted, or null. */
    synchronized String undeleted(String key) {
        return undeleted.get(key);
    }

    synchronized void record(String... fields) {
        append(String.join("\t", fields) + "\n");
        latest.put(fields[0], fields);
        if (fields[1].equals("UPLOADING")) {
            undeleted.put(fields[0], fields[2]);
        }
    }

    synchronized void deleted(String key, URI upload) {
        append(key + "\tDELETED\t" + upload + "\n");
        undeleted.remove(key);
    }

    private void append(String line) {
        try {
            Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

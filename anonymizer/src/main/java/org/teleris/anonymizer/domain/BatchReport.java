package org.teleris.anonymizer.domain;

import java.util.List;

/** The report of a batch (one CLI run): settings, counts and one entry per file, JSON-serialisable. */
public record BatchReport(String profileName, String profileVersion, List<String> options, boolean verifyOnly,
                          int total, int passed, int rejected, List<Entry> files) {

    /** One file: its path relative to the input root, and its instance report. */
    public record Entry(String path, InstanceReport report) {
    }

    public BatchReport {
        options = List.copyOf(options);
        files = List.copyOf(files);
    }
}

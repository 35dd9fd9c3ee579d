package org.teleris.ai.domain;

/** Reads and checks an input into HU; runs on the worker thread, as reading a study takes time. */
@FunctionalInterface
public interface ScanLoader {
    LoadedScan load() throws NotAnalysableException, Exception;
}

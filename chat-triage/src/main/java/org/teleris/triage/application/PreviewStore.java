package org.teleris.triage.application;

import java.io.IOException;

/** Port: where sanitised preview bytes live (the database holds only their description). */
public interface PreviewStore {

    /** Written completely or not at all. */
    void write(String previewId, byte[] bytes) throws IOException;

    byte[] read(String previewId) throws IOException;
}

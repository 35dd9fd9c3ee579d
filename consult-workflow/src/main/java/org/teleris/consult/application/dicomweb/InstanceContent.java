package org.teleris.consult.application.dicomweb;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/** Port: what WADO-RS returns of a stored instance, read from its file. */
public interface InstanceContent {

    /** The data set without pixel data, in the DICOM JSON model (PS3.18 F.2). */
    JsonObject metadata(Path file) throws IOException;

    /** Frame {@code number} (1-based) as raw little-endian pixel bytes; uncompressed instances only. */
    byte[] frame(Path file, int number) throws IOException;

    /** The first frame as PNG with the instance's own window. */
    byte[] renderedPng(Path file) throws IOException;
}

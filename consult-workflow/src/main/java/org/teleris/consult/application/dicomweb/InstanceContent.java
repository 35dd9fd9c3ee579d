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

    /** A window in the instance's rescaled units (Hounsfield units for CT): centre and width (&gt; 0). */
    record Window(double center, double width) {
        public Window {
            if (!(width > 0) || Double.isNaN(center) || Double.isInfinite(center) || Double.isInfinite(width)) {
                throw new IllegalArgumentException("window needs a centre and a positive width, e.g. window=-600,1500,linear");
            }
        }
    }

    /**
     * The first frame as {@code image/png} or {@code image/jpeg}, with {@code window} (null: the
     * instance's own window, else PixelMed's default from the pixel values).
     */
    byte[] rendered(Path file, String mediaType, Window window) throws IOException;
}

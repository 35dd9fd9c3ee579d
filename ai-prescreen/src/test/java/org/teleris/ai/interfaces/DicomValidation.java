package org.teleris.ai.interfaces;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real dicom3tools / dcmtk validators and returns their output. */
final class DicomValidation {
    private DicomValidation() {
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return out;
    }

    static String dciodvfy(Path file) throws Exception {
        return run("dciodvfy", file.toString());
    }

    /** dciodvfy's error lines ("Error - ..."); warnings are allowed. */
    static List<String> errors(String dciodvfyOutput) {
        return dciodvfyOutput.lines().filter(l -> l.startsWith("Error")).toList();
    }
}

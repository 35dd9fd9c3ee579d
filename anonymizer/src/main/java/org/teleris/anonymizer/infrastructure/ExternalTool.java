package org.teleris.anonymizer.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Debian command-line tool with a timeout; a missing tool is an error, never a silent skip. */
final class ExternalTool {

    record Output(int exitCode, String stdout) {
    }

    private ExternalTool() {
    }

    static Output run(List<String> command, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed (run scripts/setup)", e);
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out after " + timeoutSeconds + " s");
            }
            return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}

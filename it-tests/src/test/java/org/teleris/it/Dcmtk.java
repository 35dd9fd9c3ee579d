package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk's echoscu and storescu (Debian's dcmtk) against a server's DICOM port. */
final class Dcmtk {

    record Run(int exit, String output) {
    }

    private Dcmtk() {
    }

    static int dicomPort() {
        return Integer.parseInt(System.getProperty("ris.it.dicom-port", "11112"));
    }

    static Run echo(int port, String callingAe) {
        return run(List.of("echoscu", "-v", "-aet", callingAe, "-aec", "TELERIS", "127.0.0.1", String.valueOf(port)),
                2);
    }

    /** Sends every file under the folder on one association; carries on after a failed store. */
    static Run store(int port, String callingAe, Path folder, String... options) {
        List<String> command = new ArrayList<>(List.of("storescu", "-v", "--no-halt", "-aet", callingAe, "-aec",
                "TELERIS", "+sd", "+r"));
        command.addAll(List.of(options));
        command.addAll(List.of("127.0.0.1", String.valueOf(port), folder.toString()));
        return run(command, 20);
    }

    static Run run(List<String> command, int minutes) {
        try {
            Path log = Files.createTempFile("dcmtk", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("TCP_NODELAY", "1");
                Process process = builder.start();
                if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " timed out");
                }
                return new Run(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static long count(String output, String needle) {
        long count = 0;
        for (int at = output.indexOf(needle); at >= 0; at = output.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    static void assertContains(String output, String needle) {
        assertTrue(output.contains(needle), "expected '" + needle + "' in:\n" + tail(output));
    }

    static String tail(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }
}

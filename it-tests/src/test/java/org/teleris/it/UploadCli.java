package org.teleris.it;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The clinic's command-line uploader (anonymizer's UploadCommand) as its own process, as scripts/upload-study runs it. */
final class UploadCli {

    record Run(int exit, String output) {
    }

    private UploadCli() {
    }

    static Path anonymizerTarget() {
        return Path.of(System.getProperty("ris.war")).toAbsolutePath().normalize().getParent().getParent().getParent()
                .resolve("anonymizer/target");
    }

    static ProcessBuilder builder(URL server, String user, String password, Path log, String... args) throws IOException {
        Path target = anonymizerTarget();
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("anonymizer-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().contains("sources")
                            && !f.getFileName().toString().contains("tests")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the anonymizer first: " + target));
        }
        List<String> command = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                jar + ":" + target.resolve("lib") + "/*", "org.teleris.anonymizer.interfaces.UploadCommand",
                "--server", server.toString(), "--user", user));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("RIS_PASSWORD", password);
        return builder;
    }

    static Run run(URL server, String user, String password, Path log, String... args) throws Exception {
        Files.deleteIfExists(log);
        Process p = builder(server, user, password, log, args).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the uploader did not finish");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The summary line the uploader prints last. */
    static String summary(String output) {
        return output.lines().filter(l -> l.startsWith("upload-study: ") && (l.contains(" file(s): ")
                || l.contains("unreachable") || l.contains("not authorised"))).reduce((a, b) -> b).orElse("");
    }
}

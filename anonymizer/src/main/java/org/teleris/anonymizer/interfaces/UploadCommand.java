package org.teleris.anonymizer.interfaces;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.teleris.anonymizer.application.ResumableTransport;
import org.teleris.anonymizer.application.StudyUploader;
import org.teleris.anonymizer.infrastructure.TusUploadClient;

/**
 * {@code upload-study}: de-identifies a study on the clinic's workstation with the anonymizer (into the
 * work folder, once) and uploads the de-identified files to the product with resumable uploads (tus),
 * remembering its progress in {@code <work>/state.tsv}: run it again after any failure and it resumes.
 * Prints one summary line. Exit status: 0 every file stored, 3 some file rejected (locally or by the
 * server) or in conflict, 4 login refused or no such session for this user, 5 server unreachable
 * (run again later to resume), 2 usage error, 1 unexpected failure.
 */
public final class UploadCommand {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REJECTED = 3;
    public static final int NOT_AUTHORISED = 4;
    public static final int UNREACHABLE = 5;

    private static final String USAGE_TEXT = """
            usage: upload-study --server URL --user NAME (--case ID | --session ID) --secret-file FILE
                                [--work DIR] [--chunk-size BYTES] [--retries N] [--parallel N]
                                [--progress-seconds N] [--already-deidentified] INPUT...
              INPUT             DICOM files or folders (recursively) of one study
              --server          the product's address, e.g. https://ris.example.org/
              --user            the clinic doctor's account; the password comes from RIS_PASSWORD or --password-file
              --case/--session  where the study goes: the case whose full study was requested, or its upload session
              --secret-file     the clinic's de-identification secret (as for anonymize)
              --work            folder for the de-identified copy and the resume state (default .upload-study)
              --parallel        files in flight at once, 1 to 8 (default 3)
              --progress-seconds  a progress line on stderr at most this often (default 2; 0 after every file)
              --already-deidentified  send the files as they are (the server verifies them anyway)
            exit status: 0 all stored, 3 some file rejected, 4 not authorised, 5 server unreachable (run again
            to resume), 2 usage error, 1 unexpected failure
            """;

    private UploadCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("upload-study: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (a.help) {
            out.print(USAGE_TEXT);
            return OK;
        }
        try {
            Files.createDirectories(a.work);
            Map<String, Path> files = new TreeMap<>();
            int rejectedLocally = 0;
            if (a.alreadyDeidentified) {
                for (var job : org.teleris.anonymizer.application.BatchProcessor.collect(a.inputs)) {
                    files.put(job.relativePath(), job.source());
                }
            } else {
                Path clean = a.work.resolve("deidentified");
                if (!Files.isDirectory(clean)) {
                    // Once per study: the uploads must send the same bytes however often the run is resumed.
                    Path partial = a.work.resolve("deidentified.tmp");
                    deleteTree(partial);
                    int status = AnonymizeCommand.run(anonymizeArgs(a, partial), new PrintStream(
                            java.io.OutputStream.nullOutputStream()), err);
                    if (status != AnonymizeCommand.OK && status != AnonymizeCommand.REJECTED) {
                        return status == AnonymizeCommand.USAGE ? USAGE : FAILURE;
                    }
                    Files.move(partial, clean, StandardCopyOption.ATOMIC_MOVE);
                }
                // What passed is what the anonymizer wrote; the rest it rejected (and said why on stderr).
                try (var written = Files.walk(clean)) {
                    written.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().equals(AnonymizeCommand.REPORT_FILE))
                            .forEach(p -> files.put(clean.relativize(p).toString(), p));
                }
                rejectedLocally = Math.max(0, org.teleris.anonymizer.application.BatchProcessor.collect(a.inputs).size()
                        - files.size());
            }
            ResumableTransport transport = new TusUploadClient(a.server, a.user, a.password, Duration.ofSeconds(60));
            StudyUploader uploader = new StudyUploader(transport, a.work.resolve("state.tsv"),
                    new StudyUploader.Settings(a.chunkSize, a.retries, a.parallel, Duration.ofSeconds(a.progressSeconds)),
                    line -> err.println("upload-study: " + line));
            try {
                transport.login();
                String session = a.session != null ? a.session : transport.sessionOfCase(a.caseId);
                StudyUploader.Summary summary = uploader.upload(session, files, rejectedLocally);
                out.println("upload-study: " + summary.line());
                return summary.rejected() + summary.conflicts() > 0 ? REJECTED : OK;
            } catch (ResumableTransport.NotAuthorised e) {
                out.println("upload-study: not authorised: " + e.getMessage());
                return NOT_AUTHORISED;
            } catch (ResumableTransport.Unreachable e) {
                out.println("upload-study: server unreachable (" + e.getMessage() + "); run again to resume");
                return UNREACHABLE;
            }
        } catch (IOException | RuntimeException e) {
            err.println("upload-study: failed: " + e);
            return FAILURE;
        }
    }

    private static String[] anonymizeArgs(Arguments a, Path output) {
        List<String> args = new ArrayList<>(List.of("--secret-file", a.secretFile.toString(), "--output",
                output.toString()));
        a.inputs.forEach(p -> args.add(p.toString()));
        return args.toArray(String[]::new);
    }

    /** Removes a folder and everything below it, if it is there. */
    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static final class Arguments {
        URI server;
        String user;
        String password;
        String caseId;
        String session;
        Path secretFile;
        Path work = Path.of(".upload-study");
        int chunkSize = 4 << 20;
        int retries = 6;
        int parallel = 3;
        int progressSeconds = 2;
        boolean alreadyDeidentified;
        boolean help;
        List<Path> inputs = new ArrayList<>();

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            Path passwordFile = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--server" -> a.server = URI.create(value(args, ++i, arg));
                    case "--user" -> a.user = value(args, ++i, arg);
                    case "--password-file" -> passwordFile = Path.of(value(args, ++i, arg));
                    case "--case" -> a.caseId = value(args, ++i, arg);
                    case "--session" -> a.session = value(args, ++i, arg);
                    case "--secret-file" -> a.secretFile = Path.of(value(args, ++i, arg));
                    case "--work" -> a.work = Path.of(value(args, ++i, arg));
                    case "--chunk-size" -> a.chunkSize = number(args, ++i, arg);
                    case "--retries" -> a.retries = number(args, ++i, arg);
                    case "--parallel" -> a.parallel = number(args, ++i, arg);
                    case "--progress-seconds" -> a.progressSeconds = number(args, ++i, arg);
                    case "--already-deidentified" -> a.alreadyDeidentified = true;
                    case "--help", "-h" -> a.help = true;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown argument " + arg);
                        }
                        a.inputs.add(Path.of(arg));
                    }
                }
            }
            if (a.help) {
                return a;
            }
            if (a.server == null || a.user == null) {
                throw new IllegalArgumentException("--server and --user are required");
            }
            if ((a.caseId == null) == (a.session == null)) {
                throw new IllegalArgumentException("give one of --case and --session");
            }
            try {
                a.password = passwordFile != null
                        ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip() : System.getenv("RIS_PASSWORD");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --password-file " + passwordFile);
            }
            if (a.password == null || a.password.isEmpty()) {
                throw new IllegalArgumentException("no password: set RIS_PASSWORD or give --password-file");
            }
            if (!a.alreadyDeidentified && (a.secretFile == null || !Files.isReadable(a.secretFile))) {
                throw new IllegalArgumentException("--secret-file is required (readable) to de-identify");
            }
            if (a.inputs.isEmpty()) {
                throw new IllegalArgumentException("no input files or folders given");
            }
            for (Path p : a.inputs) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("input does not exist: " + p);
                }
            }
            if (a.chunkSize < 1024 || a.retries < 0) {
                throw new IllegalArgumentException("--chunk-size must be at least 1024 and --retries at least 0");
            }
            if (a.parallel < 1 || a.parallel > 8) {
                throw new IllegalArgumentException("--parallel must be between 1 and 8");
            }
            if (a.progressSeconds < 0) {
                throw new IllegalArgumentException("--progress-seconds must be at least 0");
            }
            return a;
        }

        private static int number(String[] args, int i, String name) {
            try {
                return Integer.parseInt(value(args, i, name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a whole number, not " + args[i]);
            }
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }
    }
}

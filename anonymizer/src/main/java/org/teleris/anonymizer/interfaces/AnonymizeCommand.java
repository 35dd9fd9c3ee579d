package org.teleris.anonymizer.interfaces;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.teleris.anonymizer.application.BatchProcessor;
import org.teleris.anonymizer.application.DeidentifiedFileVerifier;
import org.teleris.anonymizer.application.DicomDeidentifier;
import org.teleris.anonymizer.domain.BatchReport;
import org.teleris.anonymizer.domain.ConfidentialityProfile;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.FixedMask;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.ProfileOption;
import org.teleris.anonymizer.infrastructure.PixelMedInstance;
import org.teleris.anonymizer.infrastructure.TesseractOcr;

/**
 * {@code anonymize}: de-identifies (or with {@code --verify-only} verifies) DICOM files and folders into an output
 * folder with the same structure plus {@code anonymization-report.json}. Exit status: 0 all passed, 3 some file was
 * rejected (and not written), 2 usage error, 1 unexpected failure.
 */
public final class AnonymizeCommand {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REJECTED = 3;
    public static final String REPORT_FILE = "anonymization-report.json";

    private static final String USAGE_TEXT = """
            usage: anonymize --secret-file FILE --output DIR [--profile basic|FILE.tsv] [--option NAME]...
                             [--fixed-mask 'MANUFACTURER|MODEL|x,y,w,h']... [--threads N] INPUT...
                   anonymize --verify-only [--output DIR] INPUT...
                   anonymize upload ...   de-identify and upload a study (resumable); see anonymize upload --help
              INPUT            DICOM files or folders (recursively)
              --option NAME    %s
                               (default: retain-longitudinal-modified-dates retain-patient-characteristics
                               clean-descriptors clean-structured-content; give --option none for the bare profile)
              --secret-file    the organisation's secret (at least 16 bytes): UIDs, pseudonyms and date shifts
              --verify-only    check already de-identified files (profile applied, no PHI); writes only the report
            exit status: 0 all passed, 3 some file rejected (not written), 2 usage error, 1 unexpected failure
            """;

    private AnonymizeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Testable entry point: returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("upload")) {
            return UploadCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("anonymize: " + e.getMessage());
            err.print(usage());
            return USAGE;
        }
        if (a.help) {
            out.print(usage());
            return OK;
        }
        // Verify-only batches often come from other tools (other syntaxes, PixelMed's to read): PixelMed's class
        // initialisation runs on the second core while this thread loads the profile. De-identification reaches
        // PixelMed only for files the own reader declines, and initialises it then.
        Thread warmUp = new Thread(PixelMedInstance::warmUp, "pixelmed-warm-up");
        warmUp.setDaemon(true);
        if (a.verifyOnly) {
            warmUp.start();
        }
        try {
            ConfidentialityProfile profile = loadProfile(a.profile);
            TesseractOcr ocr = new TesseractOcr();
            BatchProcessor batch = new BatchProcessor(new DicomDeidentifier(profile, ocr), new DeidentifiedFileVerifier(profile, ocr), a.threads);
            List<BatchProcessor.Job> jobs = BatchProcessor.collect(a.inputs);
            BatchReport report;
            // Each worker renders its file's report entry as soon as the file is done; only the join is left at the end.
            String[] entries = new String[jobs.size()];
            BatchProcessor.Listener render = (index, entry) -> entries[index] = Json.entry(entry);
            warmUp.join(); // no two threads initialise PixelMed's classes at once
            if (a.verifyOnly) {
                report = batch.verify(jobs, render);
            } else {
                OrganisationSecret secret = readSecret(a.secretFile);
                report = batch.deidentify(jobs, a.output, secret, new DeidentificationOptions(a.options, a.masks), render);
            }
            String json = Json.writeBatch(report, java.util.Arrays.asList(entries));
            if (a.output != null) {
                Files.createDirectories(a.output);
                Files.writeString(a.output.resolve(REPORT_FILE), json, StandardCharsets.UTF_8);
            } else {
                out.print(json);
            }
            err.printf("anonymize: %d file(s), %d passed, %d rejected%n", report.total(), report.passed(), report.rejected());
            for (BatchReport.Entry e : report.files()) {
                if (e.report().rejection() != null) {
                    err.printf("  rejected %s: %s %s%n", e.path(), e.report().rejection().code(), e.report().rejection().message());
                }
            }
            return report.rejected() > 0 ? REJECTED : OK;
        } catch (IllegalArgumentException e) {
            err.println("anonymize: " + e.getMessage());
            return USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("anonymize: failed: " + e);
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILURE;
        }
    }

    private static String usage() {
        return String.format(USAGE_TEXT, java.util.Arrays.toString(ProfileOption.values()).toLowerCase().replace('_', '-'));
    }

    private static ConfidentialityProfile loadProfile(String profile) throws IOException {
        if (profile == null || "basic".equals(profile)) {
            return ConfidentialityProfile.basic();
        }
        Path p = Path.of(profile);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("--profile must be 'basic' or a profile file: " + profile);
        }
        try (InputStream safe = ConfidentialityProfile.class.getResourceAsStream("profile/safe-private.tsv")) {
            return ConfidentialityProfile.load(Files.newInputStream(p), safe);
        }
    }

    private static OrganisationSecret readSecret(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--; // a secret written with echo must equal the same secret without the newline
        }
        try {
            return new OrganisationSecret(java.util.Arrays.copyOf(bytes, end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--secret-file " + file + ": " + e.getMessage());
        }
    }

    private static final class Arguments {
        String profile;
        Set<ProfileOption> options = EnumSet.noneOf(ProfileOption.class);
        boolean optionsGiven;
        List<FixedMask> masks = new ArrayList<>();
        Path secretFile;
        Path output;
        boolean verifyOnly;
        boolean help;
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> inputs = new ArrayList<>();

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--profile" -> a.profile = value(args, ++i, arg);
                    case "--option" -> {
                        a.optionsGiven = true;
                        String v = value(args, ++i, arg);
                        if (!"none".equalsIgnoreCase(v)) {
                            a.options.add(ProfileOption.parse(v));
                        }
                    }
                    case "--fixed-mask" -> a.masks.add(FixedMask.parse(value(args, ++i, arg)));
                    case "--secret-file" -> a.secretFile = Path.of(value(args, ++i, arg));
                    case "--output", "-o" -> a.output = Path.of(value(args, ++i, arg));
                    case "--threads" -> a.threads = Integer.parseInt(value(args, ++i, arg));
                    case "--verify-only" -> a.verifyOnly = true;
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
            if (!a.optionsGiven) {
                a.options.addAll(DeidentificationOptions.serverDefaults().options());
            }
            if (a.inputs.isEmpty()) {
                throw new IllegalArgumentException("no input files or folders given");
            }
            for (Path p : a.inputs) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("input does not exist: " + p);
                }
            }
            if (!a.verifyOnly && (a.secretFile == null || a.output == null)) {
                throw new IllegalArgumentException("--secret-file and --output are required to de-identify");
            }
            if (a.secretFile != null && !Files.isReadable(a.secretFile)) {
                throw new IllegalArgumentException("cannot read --secret-file " + a.secretFile);
            }
            if (a.threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1");
            }
            return a;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }
    }
}

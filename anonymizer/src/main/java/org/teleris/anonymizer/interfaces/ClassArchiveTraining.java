package org.teleris.anonymizer.interfaces;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.teleris.anonymizer.infrastructure.TrainingSlices;

/**
 * The run that {@code bin/anonymize} archives its classes from (AppCDS) when a build is first used: a batch of
 * invented slices de-identified, then verified, exactly as the command does it. Archiving the user's own first run
 * instead made the archive depend on what that run was: a usage error, an empty folder or a verification archived
 * a few classes, and every later run of the build started without the rest (0.78 s instead of 0.65 s for 300 slices).
 * Exit status 0 when both passes went through.
 */
public final class ClassArchiveTraining {

    /** Enough files for every worker thread to run the whole per-file path more than once. */
    static final int SLICES = 12;

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(train());
    }

    static int train() throws IOException {
        Path work = Files.createTempDirectory("anonymize-training");
        try {
            Path in = Files.createDirectory(work.resolve("in"));
            Path out = work.resolve("out");
            Path secret = Files.writeString(work.resolve("secret"), "training secret, never used for real data");
            TrainingSlices.write(in, SLICES);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            int deidentified = AnonymizeCommand.run(new String[] {"--secret-file", secret.toString(), "--output", out.toString(),
                    in.toString()}, quiet, quiet);
            Files.delete(out.resolve(AnonymizeCommand.REPORT_FILE)); // not DICOM: the verification would reject it
            int verified = AnonymizeCommand.run(new String[] {"--verify-only", out.toString()}, quiet, quiet);
            return deidentified == AnonymizeCommand.OK && verified == AnonymizeCommand.OK ? AnonymizeCommand.OK : AnonymizeCommand.FAILURE;
        } finally {
            UploadCommand.deleteTree(work);
        }
    }
}

package org.teleris.ai.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time entry point: writes the built-in model's .onnx next to its card in the build output
 * (run by Maven in process-classes), so no binary model is committed.
 */
public final class BuiltInModelGenerator {
    private BuiltInModelGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/classes/ai-models/builtin");
        Files.createDirectories(dir);
        Path file = dir.resolve(BuiltInModel.ONNX_FILE);
        Files.write(file, LungInvolvementGraph.build());
        System.out.println("ai-prescreen: wrote " + file + " (" + Files.size(file) + " bytes)");
    }
}

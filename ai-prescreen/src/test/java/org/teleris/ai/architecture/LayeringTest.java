package org.teleris.ai.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/teleris/ai");

    private static List<Path> sources(String layer) throws IOException {
        try (Stream<Path> s = Files.walk(MAIN.resolve(layer))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> offending(List<String> layers, String... forbidden) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String layer : layers) {
            for (Path p : sources(layer)) {
                String text = Files.readString(p);
                for (String f : forbidden) {
                    if (text.contains("import " + f) || text.contains(" " + f)) {
                        bad.add(p + " uses " + f);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void pixelMedAndOnnxRuntimeOnlyInInfrastructure() throws IOException {
        assertEquals(List.of(), offending(List.of("domain", "application", "interfaces"), "com.pixelmed", "ai.onnxruntime"));
        assertTrue(offending(List.of("infrastructure"), "com.pixelmed").size() > 0, "the rule must be able to see imports");
    }

    @Test
    void noJakartaEeAnywhere() throws IOException {
        assertEquals(List.of(), offending(List.of("domain", "application", "interfaces", "infrastructure"), "jakarta.", "javax.inject", "javax.ejb"));
    }

    @Test
    void domainAndApplicationDoNotDependOnOuterLayers() throws IOException {
        assertEquals(List.of(), offending(List.of("domain"), "org.teleris.ai.application", "org.teleris.ai.infrastructure", "org.teleris.ai.interfaces"));
        assertEquals(List.of(), offending(List.of("application"), "org.teleris.ai.infrastructure", "org.teleris.ai.interfaces"));
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        for (Path root : List.of(MAIN, Path.of("src/test/java/org/teleris/ai"))) {
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    boolean hasJava;
                    try (Stream<Path> files = Files.list(d)) {
                        hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                    }
                    if (hasJava) {
                        assertTrue(Files.exists(d.resolve("package-info.java")), d + " lacks package-info.java");
                    }
                }
            }
        }
    }
}

package org.teleris.ai.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.ModelCard;
import org.teleris.ai.domain.ModelRegistry;

/**
 * Registers the built-in model (from the class path) and every sub-directory of a models directory
 * that holds a {@code model-card.properties} and the .onnx it names. A model whose card or graph is
 * wrong is rejected with a reason and never blocks the others.
 */
public final class DirectoryModelRegistry implements ModelRegistry, AutoCloseable {
    public static final String CARD_FILE = BuiltInModel.CARD_FILE;

    private final Map<String, LoadedModel> models = new LinkedHashMap<>();
    private final List<String> rejected = new ArrayList<>();
    private final String defaultId;

    private DirectoryModelRegistry(int threads, Path modelsDir) {
        registerBuiltIn(threads);
        if (modelsDir != null && Files.isDirectory(modelsDir)) {
            try (Stream<Path> dirs = Files.list(modelsDir)) {
                dirs.filter(Files::isDirectory).sorted().forEach(d -> registerDirectory(d, threads));
            } catch (IOException e) {
                rejected.add(modelsDir + ": " + e.getMessage());
            }
        }
        defaultId = models.containsKey(LungInvolvementGraph.MODEL_ID) ? LungInvolvementGraph.MODEL_ID
                : models.keySet().stream().findFirst().orElse(null);
    }

    /** Built-in model only. */
    public static DirectoryModelRegistry builtInOnly(int threads) {
        return new DirectoryModelRegistry(threads, null);
    }

    /** Built-in model plus those under {@code modelsDir} (one model per sub-directory). */
    public static DirectoryModelRegistry withDirectory(Path modelsDir, int threads) {
        return new DirectoryModelRegistry(threads, modelsDir);
    }

    private void registerBuiltIn(int threads) {
        ClassLoader cl = DirectoryModelRegistry.class.getClassLoader();
        try (InputStream cardIn = cl.getResourceAsStream(BuiltInModel.RESOURCE_DIR + CARD_FILE)) {
            if (cardIn == null) {
                rejected.add("built-in: card missing from class path");
                return;
            }
            ModelCard card = ModelCard.fromProperties(load(cardIn));
            byte[] onnx;
            try (InputStream modelIn = cl.getResourceAsStream(BuiltInModel.RESOURCE_DIR + card.onnxFile())) {
                // Fall back to building the graph in memory, e.g. when run from sources without the build step.
                onnx = modelIn != null ? modelIn.readAllBytes() : LungInvolvementGraph.build();
            }
            add(card, onnx, threads, "built-in");
        } catch (Exception | LinkageError e) { // LinkageError: no ONNX Runtime native library for this platform
            rejected.add("built-in: " + e);
        }
    }

    private void registerDirectory(Path dir, int threads) {
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(cardFile)) {
            rejected.add(dir.getFileName() + ": no " + CARD_FILE);
            return;
        }
        try (InputStream in = Files.newInputStream(cardFile)) {
            ModelCard card = ModelCard.fromProperties(load(in));
            Path onnx = dir.resolve(card.onnxFile()).normalize();
            if (!onnx.startsWith(dir.normalize())) {
                throw new IllegalArgumentException("model file must lie in the model's directory");
            }
            add(card, Files.readAllBytes(onnx), threads, dir.getFileName().toString());
        } catch (Exception | LinkageError e) {
            rejected.add(dir.getFileName() + ": " + e.getMessage());
        }
    }

    private void add(ModelCard card, byte[] onnx, int threads, String origin) throws Exception {
        if (models.containsKey(card.id())) {
            throw new IllegalArgumentException("duplicate model id " + card.id());
        }
        models.put(card.id(), OnnxRuntimeModel.open(card, onnx, threads));
    }

    private static Properties load(InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Override
    public List<ModelCard> cards() {
        return models.values().stream().map(LoadedModel::card).toList();
    }

    @Override
    public Optional<LoadedModel> find(String modelId) {
        return Optional.ofNullable(models.get(modelId));
    }

    @Override
    public String defaultModelId() {
        return defaultId;
    }

    @Override
    public List<String> rejected() {
        return Collections.unmodifiableList(rejected);
    }

    @Override
    public void close() {
        models.values().forEach(LoadedModel::close);
    }
}

package org.teleris.ai.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a model is and how to feed and read it. Read from a {@code model-card.properties} file beside
 * the .onnx; every model, built-in or plugged in by a centre, goes through the same preprocessing
 * and output handling driven by these fields.
 *
 * @param inputShape [1, 1, depth, height, width]
 * @param spacingMm  (z, row, column) spacing of the input grid in millimetres
 * @param previewDepth depth used for stage I previews (a few slices); less than the depth only for graphs
 *                     whose depth dimension is dynamic, which saves most of the work on a preview
 */
public record ModelCard(String id, String name, String version, String onnxFile, String inputName,
                        int[] inputShape, double[] spacingMm, double windowLowHu, double windowHighHu,
                        InputNormalisation normalisation, int previewDepth, Map<OutputRole, String> outputs,
                        String evaluatedAuc, String evaluationData, String intendedUse, String limits) {

    public int depth() { return inputShape[2]; }
    public int height() { return inputShape[3]; }
    public int width() { return inputShape[4]; }

    public Optional<String> output(OutputRole role) {
        return Optional.ofNullable(outputs.get(role));
    }

    /** Parses and validates a card; the message names the offending key. */
    public static ModelCard fromProperties(Properties p) {
        int[] shape = Arrays.stream(required(p, "input.shape").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        if (shape.length != 5 || shape[0] != 1 || shape[1] != 1 || Arrays.stream(shape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("input.shape must be 1,1,depth,height,width");
        }
        double[] spacing = doubles(required(p, "input.spacingMm"), 3, "input.spacingMm");
        double[] window = doubles(required(p, "input.huWindow"), 2, "input.huWindow");
        if (Arrays.stream(spacing).anyMatch(s -> s <= 0) || window[0] >= window[1]) {
            throw new IllegalArgumentException("input.spacingMm must be positive and input.huWindow low < high");
        }
        int previewDepth = Integer.parseInt(p.getProperty("input.previewDepth", Integer.toString(shape[2])).trim());
        if (previewDepth < 1 || previewDepth > shape[2]) {
            throw new IllegalArgumentException("input.previewDepth must be 1..depth");
        }
        Map<OutputRole, String> outputs = new EnumMap<>(OutputRole.class);
        for (OutputRole role : OutputRole.values()) {
            String name = p.getProperty(role.cardKey());
            if (name != null && !name.isBlank()) {
                outputs.put(role, name.trim());
            }
        }
        if (!outputs.containsKey(OutputRole.PROBABILITY)) {
            throw new IllegalArgumentException(OutputRole.PROBABILITY.cardKey() + " is required");
        }
        return new ModelCard(required(p, "id"), required(p, "name"), required(p, "version"), required(p, "file"),
                required(p, "input.name"), shape, spacing, window[0], window[1],
                InputNormalisation.valueOf(p.getProperty("input.normalisation", "HU").trim().toUpperCase()),
                previewDepth, outputs, p.getProperty("evaluation.auc", "not evaluated"),
                p.getProperty("evaluation.data", "none"),
                p.getProperty("intendedUse", "For Research Purposes Only"), p.getProperty("limits", ""));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("model card lacks " + key);
        }
        return v.trim();
    }

    private static double[] doubles(String value, int count, String key) {
        String[] parts = value.split(",");
        if (parts.length != count) {
            throw new IllegalArgumentException(key + " needs " + count + " comma-separated numbers");
        }
        return Arrays.stream(parts).map(String::trim).mapToDouble(Double::parseDouble).toArray();
    }
}

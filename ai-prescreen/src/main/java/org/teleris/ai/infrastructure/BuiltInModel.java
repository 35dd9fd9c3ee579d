package org.teleris.ai.infrastructure;

/** Where the built-in model and its card live on the class path. */
public final class BuiltInModel {
    public static final String RESOURCE_DIR = "ai-models/builtin/";
    public static final String ONNX_FILE = "lung-involvement.onnx";
    public static final String CARD_FILE = "model-card.properties";

    private BuiltInModel() {
    }
}

package org.teleris.ai.domain;

import java.util.List;
import java.util.Optional;

/** The models available to prescreening: the built-in one plus any a centre registers. */
public interface ModelRegistry {
    List<ModelCard> cards();

    Optional<LoadedModel> find(String modelId);

    String defaultModelId();

    /** Models found but refused (bad card, shape mismatch, unreadable file), with the reason. */
    List<String> rejected();
}

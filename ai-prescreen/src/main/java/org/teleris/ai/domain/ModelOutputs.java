package org.teleris.ai.domain;

import java.util.Map;
import java.util.Optional;

/** Raw outputs of one inference, by output name, as float values with their shapes. */
public record ModelOutputs(Map<String, float[]> values, Map<String, long[]> shapes) {
    public Optional<float[]> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}

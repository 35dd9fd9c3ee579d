package org.teleris.anonymizer.domain;

import java.util.List;

/**
 * A toolkit-neutral, read-only view of one data element for the verifier: its path, tag, VR, private creator (for
 * private tags) and its values as text (empty for binary VRs and sequences).
 */
public record ElementView(String path, Tag tag, String vr, String privateCreator, List<String> values) {

    public ElementView {
        values = List.copyOf(values);
    }

    public boolean hasNonEmptyValue() {
        for (String v : values) {
            if (!v.isBlank()) {
                return true;
            }
        }
        return false;
    }
}

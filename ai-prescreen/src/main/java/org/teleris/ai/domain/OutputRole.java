package org.teleris.ai.domain;

/** Meanings a model card can give to a model's outputs; the card maps each role to an output name. */
public enum OutputRole {
    /** One value in [0,1]: probability of a viral-pneumonia pattern. Required. */
    PROBABILITY("probability"),
    /** Three shares in [0,1]: right lung, left lung, total. */
    INVOLVEMENT("involvement"),
    /** One integer 0..4: CT-0..CT-4. If absent, derived from involvement by {@link CtClassRule}. */
    CT_CLASS("ctClass"),
    /** Map of the input's shape, values in [0,1]: where the findings are. */
    LOCALISATION("localisation"),
    /** Two counts: lung voxels right, left (used to reject non-chest input). */
    LUNG_VOXELS("lungVoxels"),
    /** One count: body voxels (with LUNG_VOXELS: the lung share of the body). */
    BODY_VOXELS("bodyVoxels"),
    GGO_FRACTION("ggoFraction"),
    CONSOLIDATION_FRACTION("consolidationFraction");

    private final String key;

    OutputRole(String key) {
        this.key = key;
    }

    /** Card property key, e.g. {@code output.probability}. */
    public String cardKey() {
        return "output." + key;
    }
}

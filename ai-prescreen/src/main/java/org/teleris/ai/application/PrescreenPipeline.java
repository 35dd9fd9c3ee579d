package org.teleris.ai.application;

import java.util.Arrays;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.CtClass;
import org.teleris.ai.domain.CtClassRule;
import org.teleris.ai.domain.KeySlice;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.LocalisationMap;
import org.teleris.ai.domain.LungInvolvement;
import org.teleris.ai.domain.ModelCard;
import org.teleris.ai.domain.ModelOutputs;
import org.teleris.ai.domain.NotAnalysableException;
import org.teleris.ai.domain.NotAnalysableReason;
import org.teleris.ai.domain.OutputRole;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.ResultKind;

/**
 * One prescreen, the same for every model: analysability checks, preprocessing to the card, the
 * model run, then validation and interpretation of the outputs the card names.
 */
public final class PrescreenPipeline {
    /** A volume needs enough slices and length to cover lungs; fewer is a preview, not a study. */
    public static final int MIN_VOLUME_SLICES = 16;
    public static final double MIN_VOLUME_EXTENT_MM = 100;
    /** Below this share of the body, the lung fields are missing: not a chest examination. */
    public static final double MIN_LUNG_SHARE_OF_BODY = 0.03;

    private final VolumePreprocessor preprocessor = new VolumePreprocessor();

    public PrescreenResult run(LoadedScan scan, LoadedModel model, CancellationToken token)
            throws Exception {
        ModelCard card = model.card();
        checkAnalysable(scan);
        PreparedInput input = preprocessor.prepare(scan, card);
        ModelOutputs out = model.run(input.values(), input.depth(), token);
        return interpret(out, card, scan, input);
    }

    static void checkAnalysable(LoadedScan scan) throws NotAnalysableException {
        if (scan.preview()) {
            return;
        }
        int n = scan.volume().depth();
        double extent = n * scan.volume().spacingMm()[0];
        if (n < MIN_VOLUME_SLICES || extent < MIN_VOLUME_EXTENT_MM) {
            throw new NotAnalysableException(NotAnalysableReason.TOO_FEW_SLICES,
                    n + " slices over " + Math.round(extent) + " mm; at least " + MIN_VOLUME_SLICES
                            + " slices over " + (int) MIN_VOLUME_EXTENT_MM + " mm are needed");
        }
    }

    PrescreenResult interpret(ModelOutputs out, ModelCard card, LoadedScan scan, PreparedInput input)
            throws MalformedOutputException, NotAnalysableException {
        double probability = single(out, card, OutputRole.PROBABILITY);
        if (probability < 0 || probability > 1) {
            throw new MalformedOutputException("probability outside [0,1]: " + probability);
        }
        LungInvolvement involvement = null;
        float[] inv = optional(out, card, OutputRole.INVOLVEMENT, 3);
        if (inv != null) {
            try {
                involvement = new LungInvolvement(inv[0], inv[1], inv[2]);
            } catch (IllegalArgumentException e) {
                throw new MalformedOutputException("involvement: " + e.getMessage());
            }
        }
        CtClass ctClass = null;
        float[] cls = optional(out, card, OutputRole.CT_CLASS, 1);
        if (cls != null) {
            if (cls[0] != Math.rint(cls[0]) || cls[0] < 0 || cls[0] > 4) {
                throw new MalformedOutputException("CT class not an integer 0..4: " + cls[0]);
            }
            ctClass = CtClass.ofIndex((int) cls[0]);
        } else if (involvement != null) {
            ctClass = CtClassRule.fromInvolvement(involvement.total());
        }
        checkLungsPresent(out, card);
        int voxels = input.depth() * card.height() * card.width();
        LocalisationMap map = null;
        KeySlice key = null;
        float[] loc = optional(out, card, OutputRole.LOCALISATION, voxels);
        if (loc != null) {
            for (float v : loc) {
                if (!(v >= 0 && v <= 1)) {
                    throw new MalformedOutputException("localisation value outside [0,1]: " + v);
                }
            }
            map = new LocalisationMap(loc, input.depth(), card.height(), card.width(), input.mapping());
            int z = map.keySlice();
            int n = card.height() * card.width();
            key = new KeySlice(z, card.height(), card.width(), card.spacingMm()[2],
                    Arrays.copyOfRange(input.windowedHu(), z * n, (z + 1) * n), Arrays.copyOfRange(loc, z * n, (z + 1) * n));
        }
        return new PrescreenResult(ResultKind.COMPLETED, "", null, null, card.id(), card.version(), card.name(),
                probability, ctClass, involvement, pair(out, card, OutputRole.GGO_FRACTION),
                pair(out, card, OutputRole.CONSOLIDATION_FRACTION), map, key, scan.preview(),
                scan.volume().depth(), scan.study(), scan.sources(), 0);
    }

    private static void checkLungsPresent(ModelOutputs out, ModelCard card)
            throws MalformedOutputException, NotAnalysableException {
        float[] lungs = optional(out, card, OutputRole.LUNG_VOXELS, 2);
        float[] body = optional(out, card, OutputRole.BODY_VOXELS, 1);
        if (lungs == null || body == null) {
            return; // the model cannot tell; trust the input checks
        }
        double share = body[0] <= 0 ? 0 : (lungs[0] + lungs[1]) / body[0];
        if (share < MIN_LUNG_SHARE_OF_BODY) {
            throw new NotAnalysableException(NotAnalysableReason.NOT_CHEST,
                    String.format("lungs are %.1f %% of the body", 100 * share));
        }
    }

    private static double[] pair(ModelOutputs out, ModelCard card, OutputRole role) throws MalformedOutputException {
        float[] v = optional(out, card, role, 2);
        return v == null ? null : new double[] {v[0], v[1]};
    }

    private static double single(ModelOutputs out, ModelCard card, OutputRole role) throws MalformedOutputException {
        float[] v = optional(out, card, role, 1);
        if (v == null) {
            throw new MalformedOutputException("missing output " + role);
        }
        return v[0];
    }

    private static float[] optional(ModelOutputs out, ModelCard card, OutputRole role, int length)
            throws MalformedOutputException {
        String name = card.output(role).orElse(null);
        if (name == null) {
            return null;
        }
        float[] v = out.get(name).orElseThrow(() -> new MalformedOutputException("model did not return '" + name + "'"));
        if (v.length != length) {
            throw new MalformedOutputException("output '" + name + "' has " + v.length + " values, expected " + length);
        }
        for (float f : v) {
            if (!Float.isFinite(f)) {
                throw new MalformedOutputException("output '" + name + "' is not finite");
            }
        }
        return v;
    }
}

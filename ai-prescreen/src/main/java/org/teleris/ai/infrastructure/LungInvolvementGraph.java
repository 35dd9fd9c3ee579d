package org.teleris.ai.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.teleris.ai.infrastructure.OnnxGraphWriter.Attr;

/**
 * The project's own chest-CT lung-involvement model, written as a plain ONNX graph of standard
 * operators (no trained weights). Input: Hounsfield units on a fixed grid [1,1,D,H,W], rows
 * running anterior to posterior and columns from the patient's right to left (DICOM LPS, the
 * usual axial display). Every threshold is a named constant so that the model card can quote it.
 *
 * <p>Steps: air threshold; outside air removed by in-plane ray casting from the image border plus
 * a few geodesic dilation steps (an approximation of a border-connected flood fill, which ONNX
 * cannot express without loops); lungs = inner air closed with a small kernel, plus enclosed
 * in-plane holes (lesions) that a wide closing also covers; lesion voxels = lung voxels in the
 * ground-glass or consolidation HU range, opened to drop vessels and noise; per-lung shares;
 * logistic probability; CT class.
 */
public final class LungInvolvementGraph {
    public static final String MODEL_ID = "teleris-lung-involvement";
    public static final String VERSION = "1.0.0";
    public static final int DEPTH = 64;
    public static final int HEIGHT = 192;
    public static final int WIDTH = 192;
    /** Depth used for stage I previews (a few slices spread over it). */
    public static final int PREVIEW_DEPTH = 12;
    /** Voxel spacing of the input grid (z, y, x) in millimetres. */
    public static final double[] SPACING_MM = {5.0, 2.0, 2.0};

    static final float AIR_BELOW_HU = -400f;
    static final float GGO_FROM_HU = -750f;
    static final float CONSOLIDATION_FROM_HU = -300f;
    static final float CONSOLIDATION_TO_HU = 50f;
    static final int OUTSIDE_GEODESIC_STEPS = 12;
    /** Closing kernels (z, y, x) in voxels: small = 10 x 14 x 14 mm, wide (holes only) = 50 mm in-plane. */
    static final long[] SMALL_CLOSING = {3, 7, 7};
    static final long[] WIDE_CLOSING = {1, 25, 25};
    /** Opening of lesion voxels: removes structures thinner than ~6 mm in-plane (vessels, noise). */
    static final long[] LESION_OPENING = {1, 3, 3};
    /** Peripheral rim: lung voxels within ~10 mm of the lung border. */
    static final long[] RIM_EROSION = {1, 11, 11};
    /** CT-0 below this total involvement: the noise floor of vessels and partial volume. */
    public static final float RELEVANT_INVOLVEMENT = 0.02f;
    /** Hand-set (not fitted) logistic coefficients on shares of lung volume; see the model card. */
    static final float LOGIT_INTERCEPT = -3.5f;
    static final float LOGIT_TOTAL = 8.0f;
    static final float LOGIT_BILATERAL = 60.0f;
    static final float LOGIT_PERIPHERAL = 50.0f;

    private final OnnxGraphWriter g = new OnnxGraphWriter();
    private final String one;
    private final String half;

    private LungInvolvementGraph() {
        one = g.scalar(1f);
        half = g.scalar(0.5f);
    }

    /** Builds the ONNX ModelProto bytes. */
    public static byte[] build() {
        return new LungInvolvementGraph().define();
    }

    private byte[] define() {
        // Depth is dynamic: volumes use DEPTH slices, previews PREVIEW_DEPTH (every operator is depth-agnostic).
        g.input("hu", OnnxGraphWriter.FLOAT, 1, 1, OnnxGraphWriter.DYNAMIC_DEPTH, HEIGHT, WIDTH);
        String hu = "hu";
        String air = mask(g.op("Less", List.of(hu, g.scalar(AIR_BELOW_HU))));
        String tissue = sub(one, air);

        // Outside air: visible from the image border along a row or column without crossing tissue.
        String visible = max(max(rayFree(tissue, 4, false), rayFree(tissue, 4, true)),
                max(rayFree(tissue, 3, false), rayFree(tissue, 3, true)));
        String outside = mul(visible, air);
        for (int i = 0; i < OUTSIDE_GEODESIC_STEPS; i++) {
            outside = mul(dilate(outside, new long[] {1, 3, 3}), air); // reach pockets rays miss
        }
        String body = sub(one, outside);
        String innerAir = mul(air, body);

        String closedSmall = mul(close(innerAir, SMALL_CLOSING), body);
        // A lesion is walled in by lung on at least three of four in-plane sides; pleural-based
        // lesions open on the fourth (the chest wall), the mediastinum on two (sternum, spine).
        String blockedSides = add(add(rayBlocked(closedSmall, 4, false), rayBlocked(closedSmall, 4, true)),
                add(rayBlocked(closedSmall, 3, false), rayBlocked(closedSmall, 3, true)));
        String enclosed = gt(blockedSides, 2.5f);
        String closedWide = close(innerAir, WIDE_CLOSING);
        String notDense = mask(g.op("Less", List.of(hu, g.scalar(CONSOLIDATION_TO_HU + 100f))));
        String lung = mul(mul(max(closedSmall, min(enclosed, closedWide)), body), notDense);

        // Patient's right = low column index; split at the body's centre of mass.
        float[] ramp = new float[WIDTH];
        for (int x = 0; x < WIDTH; x++) {
            ramp[x] = x;
        }
        String xs = g.constFloat(new long[] {1, 1, 1, 1, WIDTH}, ramp);
        String centre = div(sum(mul(body, xs)), max(sum(body), one));
        String rightSide = mask(g.op("Less", List.of(xs, centre)));
        String lungRight = mul(lung, rightSide);
        String lungLeft = sub(lung, lungRight);

        String ggoRaw = mul(lung, mul(ge(hu, GGO_FROM_HU), lt(hu, CONSOLIDATION_FROM_HU)));
        String consRaw = mul(lung, mul(ge(hu, CONSOLIDATION_FROM_HU), le(hu, CONSOLIDATION_TO_HU)));
        String lesion = open(add(ggoRaw, consRaw), LESION_OPENING);
        String ggo = mul(lesion, ggoRaw);
        String cons = mul(lesion, consRaw);

        String lungR = sum(lungRight);
        String lungL = sum(lungLeft);
        String lesR = sum(mul(lesion, lungRight));
        String lesL = sum(mul(lesion, lungLeft));
        String fracR = div(lesR, max(lungR, one));
        String fracL = div(lesL, max(lungL, one));
        String total = div(add(lesR, lesL), max(add(lungR, lungL), one));
        g.opNamed("involvement", "Concat", List.of(fracR, fracL, total), Attr.i("axis", 0));
        g.opNamed("ggo_fraction", "Concat", List.of(div(sum(mul(ggo, lungRight)), max(lungR, one)),
                div(sum(mul(ggo, lungLeft)), max(lungL, one))), Attr.i("axis", 0));
        g.opNamed("consolidation_fraction", "Concat", List.of(div(sum(mul(cons, lungRight)), max(lungR, one)),
                div(sum(mul(cons, lungLeft)), max(lungL, one))), Attr.i("axis", 0));
        g.opNamed("lung_voxels", "Concat", List.of(lungR, lungL), Attr.i("axis", 0));
        g.opNamed("body_voxels", "Identity", List.of(sum(body)));

        String rim = sub(lung, erode(lung, RIM_EROSION));
        // Peripheral involvement as a share of the whole lung, so that a few noisy rim voxels weigh nothing.
        String peripheral = div(sum(mul(lesion, rim)), max(add(lungR, lungL), one));
        String bilateral = min(fracR, fracL);
        String logit = add(add(g.scalar(LOGIT_INTERCEPT), scale(total, LOGIT_TOTAL)),
                add(scale(bilateral, LOGIT_BILATERAL), scale(peripheral, LOGIT_PERIPHERAL)));
        g.opNamed("probability", "Sigmoid", List.of(logit));

        // CT-0..4 from total involvement: CT-1 up to and including 25 %, CT-2 up to and including
        // 50 %, CT-3 below 75 %, CT-4 from 75 %; CT-0 below the relevance floor.
        String cls = add(add(ge(total, RELEVANT_INVOLVEMENT), gt(total, 0.25f)),
                add(gt(total, 0.50f), ge(total, 0.75f)));
        g.opNamed("ct_class", "Cast", List.of(cls), Attr.i("to", OnnxGraphWriter.INT64));
        g.opNamed("localisation", "Add", List.of(scale(ggo, 0.5f), cons));

        g.output("involvement", OnnxGraphWriter.FLOAT, 3);
        g.output("ggo_fraction", OnnxGraphWriter.FLOAT, 2);
        g.output("consolidation_fraction", OnnxGraphWriter.FLOAT, 2);
        g.output("lung_voxels", OnnxGraphWriter.FLOAT, 2);
        g.output("body_voxels", OnnxGraphWriter.FLOAT, 1);
        g.output("probability", OnnxGraphWriter.FLOAT, 1);
        g.output("ct_class", OnnxGraphWriter.INT64, 1);
        g.output("localisation", OnnxGraphWriter.FLOAT, 1, 1, OnnxGraphWriter.DYNAMIC_DEPTH, HEIGHT, WIDTH);

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model_id", MODEL_ID);
        meta.put("intended_use", "For Research Purposes Only");
        return g.toModel(MODEL_ID, VERSION,
                "Chest CT lung involvement by HU thresholds and morphology; no trained weights.", meta);
    }

    /** 1 where a ray from the chosen border to the voxel crosses no set voxel (inclusive). */
    private String rayFree(String m, long axis, boolean reverse) {
        String c = g.op("CumSum", List.of(m, g.constLong(new long[0], axis)), Attr.i("reverse", reverse ? 1 : 0));
        return mask(g.op("Less", List.of(c, half)));
    }

    private String rayBlocked(String m, long axis, boolean reverse) {
        return sub(one, rayFree(m, axis, reverse));
    }

    /** Box max filter, done separably per axis because max over a box is separable and far cheaper. */
    private String dilate(String m, long[] k) {
        String r = m;
        for (int axis = 0; axis < 3; axis++) {
            if (k[axis] > 1) {
                long[] kernel = {1, 1, 1};
                kernel[axis] = k[axis];
                long[] pads = new long[6];
                pads[axis] = k[axis] / 2;
                pads[axis + 3] = k[axis] / 2;
                r = g.op("MaxPool", List.of(r), Attr.ints("kernel_shape", kernel), Attr.ints("pads", pads));
            }
        }
        return r;
    }

    private String erode(String m, long[] k) {
        return g.op("Neg", List.of(dilate(g.op("Neg", List.of(m)), k)));
    }

    private String close(String m, long[] k) {
        return erode(dilate(m, k), k);
    }

    private String open(String m, long[] k) {
        return dilate(erode(m, k), k);
    }

    private String sum(String m) {
        String s = g.op("ReduceSum", List.of(m), Attr.i("keepdims", 0));
        return g.op("Reshape", List.of(s, g.constLong(new long[] {1}, 1)));
    }

    private String mask(String bool) {
        return g.op("Cast", List.of(bool), Attr.i("to", OnnxGraphWriter.FLOAT));
    }

    private String ge(String a, float v) { return mask(g.op("GreaterOrEqual", List.of(a, g.scalar(v)))); }
    private String gt(String a, float v) { return mask(g.op("Greater", List.of(a, g.scalar(v)))); }
    private String lt(String a, float v) { return mask(g.op("Less", List.of(a, g.scalar(v)))); }
    private String le(String a, float v) { return mask(g.op("LessOrEqual", List.of(a, g.scalar(v)))); }
    private String add(String a, String b) { return g.op("Add", List.of(a, b)); }
    private String sub(String a, String b) { return g.op("Sub", List.of(a, b)); }
    private String mul(String a, String b) { return g.op("Mul", List.of(a, b)); }
    private String div(String a, String b) { return g.op("Div", List.of(a, b)); }
    private String max(String a, String b) { return g.op("Max", List.of(a, b)); }
    private String min(String a, String b) { return g.op("Min", List.of(a, b)); }
    private String scale(String a, float f) { return mul(a, g.scalar(f)); }
}

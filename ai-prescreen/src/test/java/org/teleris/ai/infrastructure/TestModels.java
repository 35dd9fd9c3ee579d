package org.teleris.ai.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.teleris.ai.infrastructure.OnnxGraphWriter.Attr;

/**
 * Small ONNX models, written by the project's own graph writer, that stand in for a centre's trained
 * network, a broken one and a slow one; each gets a card in its own directory.
 */
public final class TestModels {
    public static final int D = 16;
    public static final int H = 48;
    public static final int W = 48;

    private TestModels() {
    }

    /** probability = mean of the (0..1 normalised) input; involvement = (mean, mean, mean). */
    public static void meanModel(Path root, String id) throws IOException {
        OnnxGraphWriter g = new OnnxGraphWriter();
        g.input("image", OnnxGraphWriter.FLOAT, 1, 1, D, H, W);
        String mean = g.op("ReduceMean", List.of("image"), Attr.i("keepdims", 0));
        g.opNamed("score", "Reshape", List.of(mean, g.constLong(new long[] {1}, 1)));
        g.opNamed("shares", "Concat", List.of("score", "score", "score"), Attr.i("axis", 0));
        g.output("score", OnnxGraphWriter.FLOAT, 1);
        g.output("shares", OnnxGraphWriter.FLOAT, 3);
        write(root, id, g, "image", "UNIT", "output.probability=score\noutput.involvement=shares\n");
    }

    /** Claims a probability of 2.0: malformed output. */
    public static void malformedModel(Path root, String id) throws IOException {
        OnnxGraphWriter g = new OnnxGraphWriter();
        g.input("image", OnnxGraphWriter.FLOAT, 1, 1, D, H, W);
        String mean = g.op("ReduceMean", List.of("image"), Attr.i("keepdims", 0));
        String zero = g.op("Mul", List.of(mean, g.scalar(0f)));
        String two = g.op("Add", List.of(zero, g.scalar(2f)));
        g.opNamed("score", "Reshape", List.of(two, g.constLong(new long[] {1}, 1)));
        g.output("score", OnnxGraphWriter.FLOAT, 1);
        write(root, id, g, "image", "HU", "output.probability=score\n");
    }

    /** Reshapes to a size taken from the data: valid graph, fails at run time in ONNX Runtime. */
    public static void failingModel(Path root, String id) throws IOException {
        OnnxGraphWriter g = new OnnxGraphWriter();
        g.input("image", OnnxGraphWriter.FLOAT, 1, 1, D, H, W);
        String max = g.op("ReduceMax", List.of("image"), Attr.i("keepdims", 1));
        String shape = g.op("Cast", List.of(g.op("Reshape", List.of(max, g.constLong(new long[] {1}, 1)))),
                Attr.i("to", OnnxGraphWriter.INT64));
        String bad = g.op("Reshape", List.of("image", shape));
        String m = g.op("ReduceMean", List.of(bad), Attr.i("keepdims", 0));
        g.opNamed("score", "Reshape", List.of(m, g.constLong(new long[] {1}, 1)));
        g.output("score", OnnxGraphWriter.FLOAT, 1);
        write(root, id, g, "image", "HU", "output.probability=score\n");
    }

    /** A chain of dense 768 x 768 matrix products: many seconds of work, to exercise time-outs. */
    public static void slowModel(Path root, String id, int layers) throws IOException {
        OnnxGraphWriter g = new OnnxGraphWriter();
        g.input("image", OnnxGraphWriter.FLOAT, 1, 1, D, H, W);
        int n = D * H;
        String a = g.op("Reshape", List.of("image", g.constLong(new long[] {2}, n, W)));
        String x = g.op("MatMul", List.of(a, g.op("Transpose", List.of(a))));
        float[] k = new float[n * n];
        java.util.Arrays.fill(k, 1f / n); // keeps values bounded however many layers
        String kernel = g.constFloat(new long[] {n, n}, k);
        for (int i = 0; i < layers; i++) {
            x = g.op("MatMul", List.of(x, kernel));
        }
        String m = g.op("ReduceMean", List.of(x), OnnxGraphWriter.Attr.i("keepdims", 0));
        String s = g.op("Sigmoid", List.of(m));
        g.opNamed("score", "Reshape", List.of(s, g.constLong(new long[] {1}, 1)));
        g.output("score", OnnxGraphWriter.FLOAT, 1);
        write(root, id, g, "image", "UNIT", "output.probability=score\n");
    }

    static void write(Path root, String id, OnnxGraphWriter g, String input, String normalisation, String outputs)
            throws IOException {
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        Files.write(dir.resolve(id + ".onnx"), g.toModel(id, "0.1", "test model", Map.of()));
        Files.writeString(dir.resolve(DirectoryModelRegistry.CARD_FILE), String.join("\n",
                "id=" + id, "name=Test model " + id, "version=0.1", "file=" + id + ".onnx", "input.name=" + input,
                "input.shape=1,1," + D + "," + H + "," + W, "input.spacingMm=20,8,8", "input.huWindow=-1000,200",
                "input.normalisation=" + normalisation, outputs));
    }
}

package org.teleris.ai.infrastructure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny builder for ONNX ModelProto bytes (field numbers from onnx.proto, IR version 8,
 * default-domain opset 17). It knows just enough of the schema for graphs of standard operators
 * with constant initialisers; names of intermediate values are generated.
 */
final class OnnxGraphWriter {
    static final int FLOAT = 1;
    static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int counter;

    /** An operator attribute; only the kinds the graphs here need. */
    record Attr(String name, int type, float f, long i, long[] ints) {
        static Attr i(String name, long value) { return new Attr(name, ATTR_INT, 0f, value, null); }
        static Attr f(String name, float value) { return new Attr(name, ATTR_FLOAT, value, 0L, null); }
        static Attr ints(String name, long... values) { return new Attr(name, ATTR_INTS, 0f, 0L, values); }
    }

    void input(String name, int elemType, long... dims) {
        inputs.add(valueInfo(name, elemType, dims));
    }

    void output(String name, int elemType, long... dims) {
        outputs.add(valueInfo(name, elemType, dims));
    }

    /** Adds a node with one generated output name and returns that name. */
    String op(String opType, List<String> in, Attr... attrs) {
        String out = opType.toLowerCase() + "_" + (counter++);
        opNamed(out, opType, in, attrs);
        return out;
    }

    /** Adds a node whose single output has the given (graph output) name. */
    String opNamed(String out, String opType, List<String> in, Attr... attrs) {
        ProtoWriter node = new ProtoWriter();
        for (String i : in) {
            node.string(1, i);
        }
        node.string(2, out);
        node.string(3, out + "_node");
        node.string(4, opType);
        for (Attr a : attrs) {
            node.message(5, attribute(a));
        }
        nodes.add(node);
        return out;
    }

    String constFloat(long[] dims, float... values) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        return initializer(FLOAT, dims, buf.array());
    }

    String scalar(float value) {
        return constFloat(new long[0], value);
    }

    String constLong(long[] dims, long... values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buf.putLong(v);
        }
        return initializer(INT64, dims, buf.array());
    }

    byte[] toModel(String producer, String version, String doc, Map<String, String> metadata) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, producer);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));

        ProtoWriter model = new ProtoWriter();
        model.varint(1, 8); // IR version 8 goes with opset 17
        model.string(2, producer);
        model.string(3, version);
        model.string(6, doc);
        model.message(7, graph);
        model.message(8, new ProtoWriter().string(1, "").varint(2, 17));
        for (Map.Entry<String, String> e : new LinkedHashMap<>(metadata).entrySet()) {
            model.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        return model.toByteArray();
    }

    private String initializer(int type, long[] dims, byte[] raw) {
        String name = "const_" + (counter++);
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type);
        t.string(8, name);
        t.bytes(9, raw);
        initializers.add(t);
        return name;
    }

    private static ProtoWriter attribute(Attr a) {
        ProtoWriter w = new ProtoWriter().string(1, a.name());
        switch (a.type()) {
            case ATTR_FLOAT -> w.float32(2, a.f());
            case ATTR_INT -> w.varint(3, a.i());
            case ATTR_INTS -> {
                for (long v : a.ints()) {
                    w.varint(8, v);
                }
            }
            default -> throw new IllegalArgumentException("attribute type " + a.type());
        }
        return w.varint(20, a.type());
    }

    /** Marks a dimension as dynamic (ONNX dim_param "depth") in {@link #input} and {@link #output}. */
    static final long DYNAMIC_DEPTH = -1;

    private static ProtoWriter valueInfo(String name, int elemType, long... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) {
            shape.message(1, d == DYNAMIC_DEPTH ? new ProtoWriter().string(2, "depth") : new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, elemType).message(2, shape);
        ProtoWriter type = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, name).message(2, type);
    }
}

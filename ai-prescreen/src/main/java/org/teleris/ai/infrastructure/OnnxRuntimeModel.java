package org.teleris.ai.infrastructure;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.ModelCard;
import org.teleris.ai.domain.ModelOutputs;

/** A model card plus an ONNX Runtime session; the only class that talks to ONNX Runtime. */
public final class OnnxRuntimeModel implements LoadedModel {
    private final ModelCard card;
    private final OrtEnvironment env;
    private final OrtSession session;
    /** Runs hold the read lock, close the write lock: the session is never freed under a running graph. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Set<OrtSession.RunOptions> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    private OnnxRuntimeModel(ModelCard card, OrtEnvironment env, OrtSession session) {
        this.card = card;
        this.env = env;
        this.session = session;
    }

    /**
     * Opens a session and checks that the graph's input matches the card, so a wrong card is refused
     * at registration rather than producing nonsense later.
     */
    public static OnnxRuntimeModel open(ModelCard card, byte[] onnx, int threads) throws OrtException {
        // Kernel failures reach the caller as OrtException and become recorded defects with their
        // message; the runtime's own native log line to stderr would only repeat them, outside our logs.
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(onnx, options);
            try {
                verifyInput(card, session);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
            return new OnnxRuntimeModel(card, env, session);
        }
    }

    private static void verifyInput(ModelCard card, OrtSession session) throws OrtException {
        NodeInfo info = session.getInputInfo().get(card.inputName());
        if (info == null) {
            throw new IllegalArgumentException("graph has no input '" + card.inputName() + "', only "
                    + session.getInputNames());
        }
        long[] shape = ((TensorInfo) info.getInfo()).getShape();
        long[] expected = Arrays.stream(card.inputShape()).asLongStream().toArray();
        if (shape.length != expected.length) {
            throw new IllegalArgumentException("graph input rank " + shape.length + " != card rank 5");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > 0 && shape[i] != expected[i]) { // dynamic dims (-1) accept the card's size
                throw new IllegalArgumentException("graph input shape " + Arrays.toString(shape)
                        + " does not match card " + Arrays.toString(expected));
            }
        }
        if (card.previewDepth() != card.depth() && shape[2] > 0) {
            throw new IllegalArgumentException("card sets input.previewDepth but the graph's depth is fixed at " + shape[2]);
        }
        for (var role : card.outputs().entrySet()) {
            if (!session.getOutputNames().contains(role.getValue())) {
                throw new IllegalArgumentException("card maps " + role.getKey() + " to missing output '"
                        + role.getValue() + "'");
            }
        }
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public ModelOutputs run(float[] input, int depth, CancellationToken cancellation) throws OrtException {
        lifecycle.readLock().lock();
        try {
            if (closing) {
                throw new IllegalStateException("model " + card.id() + " is closed");
            }
            return runOpen(input, depth, cancellation);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private ModelOutputs runOpen(float[] input, int depth, CancellationToken cancellation) throws OrtException {
        long[] shape = Arrays.stream(card.inputShape()).asLongStream().toArray();
        shape[2] = depth;
        try (OrtSession.RunOptions runOptions = new OrtSession.RunOptions();
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape)) {
            // ONNX Runtime checks this flag between operators: the only way to stop a running graph.
            cancellation.onCancel(() -> terminate(runOptions));
            running.add(runOptions);
            try {
                if (closing) {
                    terminate(runOptions); // close began after the check above and before this run was listed
                }
                try (OrtSession.Result result = session.run(Map.of(card.inputName(), tensor), runOptions)) {
                    Map<String, float[]> values = new HashMap<>();
                    Map<String, long[]> shapes = new HashMap<>();
                    for (Map.Entry<String, OnnxValue> e : result) {
                        if (e.getValue() instanceof OnnxTensor t) {
                            values.put(e.getKey(), toFloats(t));
                            shapes.put(e.getKey(), t.getInfo().getShape());
                        }
                    }
                    return new ModelOutputs(values, shapes);
                }
            } finally {
                running.remove(runOptions);
            }
        }
    }

    private static void terminate(OrtSession.RunOptions runOptions) {
        try {
            runOptions.setTerminate(true);
        } catch (OrtException | IllegalStateException ignored) {
            // already finished and closed: nothing left to stop
        }
    }

    private static float[] toFloats(OnnxTensor t) {
        switch (t.getInfo().type) {
            case FLOAT -> {
                FloatBuffer b = t.getFloatBuffer();
                float[] out = new float[b.remaining()];
                b.get(out);
                return out;
            }
            case INT64 -> {
                LongBuffer b = t.getLongBuffer();
                float[] out = new float[b.remaining()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.get(i);
                }
                return out;
            }
            case DOUBLE -> {
                var b = t.getDoubleBuffer();
                float[] out = new float[b.remaining()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) b.get(i);
                }
                return out;
            }
            case INT32 -> {
                var b = t.getIntBuffer();
                float[] out = new float[b.remaining()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.get(i);
                }
                return out;
            }
            default -> {
                return new float[0]; // unsupported element types read as empty: flagged malformed later
            }
        }
    }

    /** Stops the graphs still running, waits for them to return, then frees the session; idempotent. */
    @Override
    public void close() {
        closing = true;
        running.forEach(OnnxRuntimeModel::terminate);
        lifecycle.writeLock().lock();
        try {
            session.close();
        } catch (OrtException | IllegalStateException ignored) {
            // closing a session only frees memory; nothing to recover
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}

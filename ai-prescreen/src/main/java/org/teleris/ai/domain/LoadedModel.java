package org.teleris.ai.domain;

/** A model ready to run. Implementations hold the runtime session; callers see only floats. */
public interface LoadedModel extends AutoCloseable {
    ModelCard card();

    /**
     * Runs the model on an input already shaped, spaced and windowed as the card says.
     * @throws Exception any runtime failure; the service turns it into a technological defect
     */
    ModelOutputs run(float[] input, CancellationToken cancellation) throws Exception;

    @Override
    void close();
}

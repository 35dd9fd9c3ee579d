package org.teleris.ai.domain;

/** A model ready to run. Implementations hold the runtime session; callers see only floats. */
public interface LoadedModel extends AutoCloseable {
    ModelCard card();

    /**
     * Runs the model on an input already spaced and windowed as the card says.
     * @param depth the card's depth, or its preview depth for a stage I preview
     * @throws Exception any runtime failure; the service turns it into a technological defect
     */
    ModelOutputs run(float[] input, int depth, CancellationToken cancellation) throws Exception;

    @Override
    void close();
}

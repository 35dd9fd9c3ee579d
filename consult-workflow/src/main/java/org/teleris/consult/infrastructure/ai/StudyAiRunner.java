package org.teleris.consult.infrastructure.ai;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.teleris.consult.application.ai.StudyAiRuns;
import org.teleris.consult.domain.intake.StudyReceived;

/**
 * Runs the AI on a study once it is received (after the completing transaction commits), or on
 * request, on a managed thread: nobody waits for it, and a failure only means no AI result.
 */
@Stateless
public class StudyAiRunner {

    @Inject
    StudyAiRuns runs;

    @Inject
    StudyAiRunner self;

    public void afterReceipt(@Observes(during = TransactionPhase.AFTER_SUCCESS) StudyReceived received) {
        self.run(received.studyInstanceUid(), received.uploadSessionId(), null, false);
    }

    /** On demand: the results join the study's first upload. */
    public void run(String studyInstanceUid, String modelId, boolean onDemand) {
        self.run(studyInstanceUid, null, modelId, onDemand);
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(String studyInstanceUid, String uploadSessionId, String modelId, boolean onDemand) {
        StudyAiRuns.Target target = runs.target(studyInstanceUid, uploadSessionId);
        if (target != null) {
            runs.run(studyInstanceUid, target, modelId, onDemand);
        }
    }
}

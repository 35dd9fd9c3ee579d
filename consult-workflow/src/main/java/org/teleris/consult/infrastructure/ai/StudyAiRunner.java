package org.teleris.consult.infrastructure.ai;

import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.teleris.consult.application.ai.StudyAiRuns;
import org.teleris.consult.domain.intake.StudyReceived;

/**
 * Runs the AI on a study once it is received (after the completing transaction commits), or on
 * request, on a managed executor of its own: nobody waits for it, a failure only means no AI result,
 * and a queue of studies waits there, holding neither the container's shared threads nor stage I.
 * The model analyses one study at a time; a second slot lets one run store its outputs meanwhile.
 */
@ApplicationScoped
public class StudyAiRunner {

    /** Defined by the host application: Payara reads resource definitions only from its own classes. */
    public static final String EXECUTOR = "java:app/concurrent/study-ai";

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

    @Asynchronous(executor = EXECUTOR)
    public void run(String studyInstanceUid, String uploadSessionId, String modelId, boolean onDemand) {
        StudyAiRuns.Target target = runs.target(studyInstanceUid, uploadSessionId);
        if (target != null) {
            runs.run(studyInstanceUid, target, modelId, onDemand);
        }
    }
}

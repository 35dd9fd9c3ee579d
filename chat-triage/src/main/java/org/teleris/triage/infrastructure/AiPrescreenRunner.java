package org.teleris.triage.infrastructure;

import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.triage.application.AiPrescreenMessages;
import org.teleris.triage.application.PreviewPrescreening;
import org.teleris.triage.domain.CaseSubmitted;

/**
 * Runs the AI on a new case's previews once the case is committed, on a managed executor of stage I's
 * own: the doctor's request never waits for it, a failure only means a defect note, and a queue of
 * whole studies waiting for stage II's AI never holds it up (they shared the container's pool once).
 */
@ApplicationScoped
public class AiPrescreenRunner {

    /** Defined by the host application: Payara reads resource definitions only from its own classes. */
    public static final String EXECUTOR = "java:app/concurrent/triage-ai-prescreen";

    /** From submission to the AI's note in the chat: its result, or a technological-defect note. */
    static final Duration NOTE_BOUND = Duration.ofSeconds(35);

    private static final Logger LOG = Logger.getLogger(AiPrescreenRunner.class.getName());

    @Inject
    AiPrescreenMessages messages;

    @Inject
    PreviewPrescreening prescreening;

    @Inject
    AiPrescreenRunner self;

    public void afterSubmission(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseSubmitted submitted) {
        self.prescreen(submitted.caseId(), submitted.at().plus(NOTE_BOUND));
    }

    @Asynchronous(executor = EXECUTOR)
    public void prescreen(String caseId, Instant answerBy) {
        try {
            List<String> previewIds = messages.previewsToAnalyse(caseId);
            if (previewIds.isEmpty()) {
                return;
            }
            List<byte[]> contents = previewIds.stream().map(messages::content).toList();
            messages.post(caseId, prescreening.analyse(contents, answerBy));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AI prescreen of case " + caseId + " failed: " + e.getClass().getName(), e);
        }
    }
}

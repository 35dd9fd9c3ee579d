package org.teleris.triage.infrastructure;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.triage.application.AiPrescreenMessages;
import org.teleris.triage.application.PreviewPrescreening;
import org.teleris.triage.domain.CaseSubmitted;

/**
 * Runs the AI on a new case's previews once the case is committed, on a managed thread of its
 * own: the doctor's request never waits for it, and a failure only means no AI message.
 */
@Stateless
public class AiPrescreenRunner {

    private static final Logger LOG = Logger.getLogger(AiPrescreenRunner.class.getName());

    @Inject
    AiPrescreenMessages messages;

    @Inject
    PreviewPrescreening prescreening;

    @Inject
    AiPrescreenRunner self;

    public void afterSubmission(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseSubmitted submitted) {
        self.prescreen(submitted.caseId());
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void prescreen(String caseId) {
        try {
            List<String> previewIds = messages.previewsToAnalyse(caseId);
            if (previewIds.isEmpty()) {
                return;
            }
            List<byte[]> contents = previewIds.stream().map(messages::content).toList();
            messages.post(caseId, prescreening.analyse(contents));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AI prescreen of case " + caseId + " failed: " + e.getClass().getName(), e);
        }
    }
}

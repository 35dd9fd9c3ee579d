package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.teleris.consult.domain.ai.StudyPrescreened;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.ReportDelivered;
import org.teleris.ris.application.AiQualityMonitoring;
import org.teleris.ris.domain.aiquality.AiRun;
import org.teleris.ris.domain.aiquality.AiStage;
import org.teleris.triage.domain.AiPrescreened;
import org.teleris.triage.domain.CaseTransitioned;
import org.teleris.triage.domain.TriageCommand;

/**
 * Feeds AI quality monitoring from the contexts' events: each AI result, and the decisions it is
 * judged against (triage: full study requested = positive, declined = negative; answered in chat
 * says nothing about the pattern and is left out; consultation: the delivered report's class, CT-0 =
 * negative, CT-1..4 = positive, so a report changed by the second reader counts as finally agreed).
 */
@ApplicationScoped
public class AiQualityFeed {

    @Inject
    AiQualityMonitoring monitoring;

    @Inject
    Clock clock;

    void prescreened(@Observes AiPrescreened e) {
        monitoring.recordRun(new AiRun(AiStage.TRIAGE, e.caseId(), e.organisationId(), e.modelId(), e.modelVersion(),
                e.kind(), e.defect(), e.probability(), e.ctClass(), e.durationMillis(), clock.instant()));
    }

    void studyPrescreened(@Observes StudyPrescreened e) {
        monitoring.recordRun(new AiRun(AiStage.CONSULTATION, e.caseId(), e.organisationId(), e.modelId(),
                e.modelVersion(), e.kind(), e.defect(), e.probability(), e.ctClass(), e.durationMillis(), clock.instant()));
    }

    void triageDecided(@Observes CaseTransitioned e) {
        if (e.command() == TriageCommand.REQUEST_FULL_STUDY || e.command() == TriageCommand.DECLINE) {
            monitoring.recordDecision(e.caseId(), AiStage.TRIAGE, e.command() == TriageCommand.REQUEST_FULL_STUDY);
        }
    }

    void reportDelivered(@Observes ReportDelivered e) {
        // Addenda carry no class: the signed and second-read class stays the reference.
        if (e.ctClass() != null) {
            monitoring.recordDecision(e.caseId(), AiStage.CONSULTATION, CtClass.valueOf(e.ctClass()).isViralPneumonia());
        }
    }
}

package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.teleris.consult.application.intake.UploadSessions;
import org.teleris.consult.domain.intake.InstanceIngested;
import org.teleris.consult.domain.intake.StudyReceived;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.CaseTransitioned;

/**
 * Stage I hands over to stage II: a full-study request opens the case's upload session (in the
 * same transaction). The intake's refusals and each completed study go to the audit log; every
 * instance's anonymisation record is the admin's audit (not one audit-chain record per slice).
 */
@ApplicationScoped
public class ConsultIntake {

    @Inject
    UploadSessions sessions;

    @Inject
    AuditLog auditLog;

    void fullStudyRequested(@Observes CaseTransitioned event) {
        if (event.newState() == CaseState.FULL_STUDY_REQUESTED) {
            String sessionId = sessions.open(event.caseId(), event.organisationId());
            auditLog.record(new AuditEntry(event.actorUsername(), event.actorOrganisationId(),
                    AuditAction.UPLOAD_SESSION_OPENED, "upload-session", sessionId, AuditOutcome.SUCCESS));
        }
    }

    void instanceRefused(@Observes InstanceIngested event) {
        if ("REJECTED".equals(event.status()) || "CONFLICT".equals(event.status())) {
            auditLog.record(new AuditEntry(event.sender(), event.organisationId(), AuditAction.INSTANCE_REJECTED,
                    "upload-session", event.uploadSessionId(), AuditOutcome.FAILURE));
        }
    }

    void studyReceived(@Observes StudyReceived event) {
        auditLog.record(new AuditEntry(AuditEntry.SYSTEM, event.organisationId(), AuditAction.INSTANCES_TRANSFERRED, "study",
                event.studyInstanceUid(), AuditOutcome.SUCCESS));
    }
}

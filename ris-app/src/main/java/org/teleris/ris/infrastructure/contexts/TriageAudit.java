package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.triage.domain.CaseSubmitted;
import org.teleris.triage.domain.CaseTransitioned;
import org.teleris.triage.domain.TriageCommand;
import org.teleris.triage.domain.CaseViewed;
import org.teleris.triage.domain.PreviewUploaded;

/** Records the triage context's security-relevant events in the audit log, in their transaction. */
@ApplicationScoped
public class TriageAudit {

    @Inject
    AuditLog auditLog;

    void submitted(@Observes CaseSubmitted event) {
        auditLog.record(new AuditEntry(event.submittedByUsername(), event.organisationId(), AuditAction.CASE_CREATED,
                "case", event.caseId(), AuditOutcome.SUCCESS));
    }

    void transitioned(@Observes CaseTransitioned event) {
        auditLog.record(new AuditEntry(event.actorUsername(), event.actorOrganisationId(), actionOf(event.command()),
                "case", event.caseId(), AuditOutcome.SUCCESS));
    }

    static AuditAction actionOf(TriageCommand command) {
        return switch (command) {
            case CLAIM -> AuditAction.CASE_CLAIMED;
            case RELEASE -> AuditAction.CASE_RELEASED;
            case REASSIGN -> AuditAction.CASE_REASSIGNED;
            case DECLINE -> AuditAction.CASE_DECLINED;
            case ANSWER -> AuditAction.CASE_ANSWERED;
            case REQUEST_FULL_STUDY -> AuditAction.FULL_STUDY_REQUESTED;
            case CANCEL -> AuditAction.CASE_CANCELLED;
            case POST_MESSAGE -> AuditAction.CASE_MESSAGE_POSTED;
        };
    }

    void previewUploaded(@Observes PreviewUploaded event) {
        auditLog.record(new AuditEntry(event.uploaderUsername(), event.organisationId(), AuditAction.PREVIEW_UPLOADED,
                "preview", event.previewId(), event.accepted() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE));
    }

    void viewed(@Observes CaseViewed event) {
        boolean list = CaseViewed.LIST.equals(event.caseId());
        auditLog.record(new AuditEntry(event.viewerUsername(), event.viewerOrganisationId(),
                list ? AuditAction.CASES_QUERIED : AuditAction.CASE_ACCESSED, "case", list ? null : event.caseId(),
                AuditOutcome.SUCCESS));
    }
}

package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.teleris.consult.domain.reporting.ReportDelivered;
import org.teleris.consult.domain.reporting.ReportTransitioned;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.triage.application.ChannelPublisher;
import org.teleris.triage.application.ReportMessages;

/**
 * Stage II reporting in the rest of the product: every command and breach goes to the audit log
 * in its transaction; a delivered report (or addendum) is announced in the case's chat with a link.
 */
@ApplicationScoped
public class ConsultReportingAudit {

    @Inject
    AuditLog auditLog;

    @Inject
    ReportMessages reportMessages;

    @Inject
    ChannelPublisher channel;

    /** What the live channel carries about a report: identifiers and its state, never content. */
    public record ReportChanged(String reportId, String caseId, String command, String state) {
    }

    void transitioned(@Observes ReportTransitioned event) {
        boolean system = "system".equals(event.actorUsername());
        auditLog.record(new AuditEntry(system ? AuditEntry.SYSTEM : event.actorUsername(), event.actorOrganisationId(),
                actionOf(event.command()), "report", event.reportId(), AuditOutcome.SUCCESS));
        if (!event.command().startsWith("EXPORT_")) {
            // The experts' worklists update live; the clinic's channel learns only ids and the state.
            channel.publish(event.organisationId(), "report.changed", event.caseId(),
                    new ReportChanged(event.reportId(), event.caseId(), event.command(), event.newState()));
        }
    }

    static AuditAction actionOf(String command) {
        return switch (command) {
            case "RECEIVE" -> AuditAction.REPORT_QUEUED;
            case "BREACH" -> AuditAction.REPORT_TIME_LIMIT_BREACHED;
            case "CLAIM" -> AuditAction.REPORT_CLAIMED;
            case "RELEASE" -> AuditAction.REPORT_RELEASED;
            case "ASSIGN" -> AuditAction.REPORT_ASSIGNED;
            case "SAVE_DRAFT" -> AuditAction.REPORT_DRAFT_SAVED;
            case "SIGN" -> AuditAction.REPORT_SIGNED;
            case "SECOND_READ_AGREE" -> AuditAction.REPORT_SECOND_READ_AGREED;
            case "SECOND_READ_DISAGREE" -> AuditAction.REPORT_SECOND_READ_DISAGREED;
            case "ADD_ADDENDUM" -> AuditAction.REPORT_ADDENDUM_ADDED;
            case "EXPORT_PDF", "EXPORT_SR" -> AuditAction.REPORT_EXPORTED;
            default -> throw new IllegalArgumentException("unknown reporting command " + command);
        };
    }

    /** In the delivering transaction: the note and the delivery commit together. */
    void delivered(@Observes(during = TransactionPhase.IN_PROGRESS) ReportDelivered event) {
        String en = "ADDENDUM".equals(event.kind())
                ? "Addendum " + event.versionNumber() + " to the expert report"
                : "Expert report delivered: " + classLabel(event.ctClass(), "CT") ;
        String ru = "ADDENDUM".equals(event.kind())
                ? "Дополнение " + event.versionNumber() + " к заключению эксперта"
                : "Заключение эксперта готово: " + classLabel(event.ctClass(), "КТ");
        reportMessages.post(event.caseId(), event.reportId(), en + " / " + ru);
    }

    static String classLabel(String ctClass, String prefix) {
        return ctClass == null ? "" : prefix + "-" + ctClass.substring(2);
    }
}

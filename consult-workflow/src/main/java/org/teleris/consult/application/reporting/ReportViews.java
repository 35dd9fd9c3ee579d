package org.teleris.consult.application.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.teleris.consult.domain.reporting.ConfirmedCaseCheck;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Lang;
import org.teleris.consult.domain.reporting.ReportCommand;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.ReportHistoryEntry;
import org.teleris.consult.domain.reporting.ReportStateMachine;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.SeverityProposal;
import org.teleris.consult.domain.reporting.SeverityTable;

/** What the pages see of reports: worklist rows and the full report. */
public final class ReportViews {

    private ReportViews() {
    }

    public record WorklistItem(String reportId, String caseId, String studyInstanceUid, String organisationName,
                               String question, String clinicalSummary, String aiSummary, String aiClass,
                               String priority, String caseType, int seriesCount, int instanceCount,
                               Instant receivedAt, Instant dueAt, boolean overdue, Instant breachedAt, String state,
                               String holderUserId, String holderName) {

        public static WorklistItem of(ConsultReport r, Instant now) {
            return new WorklistItem(r.id(), r.caseId(), r.studyInstanceUid(), r.organisationName(), r.question(),
                    ReportViews.clinicalSummary(r), r.aiSummary().orElse(null), r.aiClass() == null ? null : r.aiClass().name(),
                    r.priority().name(), r.caseType().name(), r.seriesCount(), r.instanceCount(), r.receivedAt(),
                    r.dueAt(), r.overdue(now), r.breachedAt(), r.state().name(), r.holderUserId(), r.holderName());
        }
    }

    public record Worklist(Instant now, long breaches, List<WorklistItem> items) {
    }

    /** The routing decision of a class, in both languages. */
    public record Routing(String ctClass, String nameEn, String nameRu, String en, String ru) {
        static Routing of(CtClass c, SeverityTable table) {
            return c == null ? null : new Routing(c.name(), table.text(c, SeverityTable.Column.NAME, Lang.EN),
                    table.text(c, SeverityTable.Column.NAME, Lang.RU), table.routing(c, Lang.EN),
                    table.routing(c, Lang.RU));
        }
    }

    public record VersionView(int number, String kind, ReportDraft content, String addendumText,
                              String proposedClass, String aiClass, boolean disagreesWithProposal,
                              boolean disagreesWithAi, String signedByName, Instant signedAt,
                              String secondReaderName, Instant secondReadAt, Boolean secondReadAgrees,
                              String secondReadComment, Routing routing) {

        public static VersionView of(ReportVersion v, SeverityTable table) {
            ReportDraft content = v.content();
            return new VersionView(v.number(), v.kind().name(), content, v.addendumText(),
                    v.proposedClass() == null ? null : v.proposedClass().name(),
                    v.aiClass() == null ? null : v.aiClass().name(), v.disagreesWithProposal(), v.disagreesWithAi(),
                    v.signedByName(), v.signedAt(), v.secondReaderName(), v.secondReadAt(), v.secondReadAgrees(),
                    v.secondReadComment(), content == null ? null : Routing.of(content.ctClass(), table));
        }
    }

    public record HistoryView(Instant at, String actorName, String action, String state, String detail) {
        static HistoryView of(ReportHistoryEntry h) {
            return new HistoryView(h.happenedAt(), h.actorName(), h.action(), h.resultingState(), h.detail());
        }
    }

    public record ReportView(WorklistItem item, Integer daysSinceOnset, String pcr, ReportDraft draft,
                             SeverityProposal proposal, Routing proposedRouting, Routing chosenRouting,
                             ConfirmedCaseCheck.Result confirmedCase, List<VersionView> versions,
                             List<HistoryView> history, Set<ReportCommand> allowedCommands, Instant deliveredAt) {
    }

    public static ReportView full(ConsultReport r, SeverityProposal proposal, ConfirmedCaseCheck.Result confirmed,
                           List<ReportVersion> versions, List<ReportHistoryEntry> history, boolean showDraft,
                           SeverityTable table, Instant now) {
        ReportDraft draft = showDraft ? r.draft() : null;
        return new ReportView(WorklistItem.of(r, now), r.daysSinceOnset(), r.pcr(), draft,
                showDraft ? proposal : null, showDraft ? Routing.of(proposal.proposed(), table) : null,
                draft == null ? null : Routing.of(draft.ctClass(), table), showDraft ? confirmed : null,
                versions.stream().map(v -> VersionView.of(v, table)).toList(),
                history.stream().map(HistoryView::of).toList(), ReportStateMachine.allowedIn(r.state()),
                r.deliveredAt());
    }

    /** A short line of the clinical data (numbers and names only), for the worklist. */
    static String clinicalSummary(ConsultReport r) {
        var c = r.clinicalPicture();
        StringBuilder s = new StringBuilder();
        if (c.temperatureC() != null) {
            s.append("t ").append(c.temperatureC()).append(" °C; ");
        }
        if (c.respiratoryRate() != null) {
            s.append("RR ").append(c.respiratoryRate()).append("/min; ");
        }
        if (c.spo2() != null) {
            s.append("SpO2 ").append(c.spo2()).append(" %; ");
        }
        if (c.pao2Fio2() != null) {
            s.append("PaO2/FiO2 ").append(c.pao2Fio2()).append("; ");
        }
        if (r.daysSinceOnset() != null) {
            s.append("day ").append(r.daysSinceOnset()).append("; ");
        }
        if (r.pcr() != null) {
            s.append("PCR ").append(r.pcr()).append("; ");
        }
        return s.length() == 0 ? null : s.substring(0, s.length() - 2);
    }
}

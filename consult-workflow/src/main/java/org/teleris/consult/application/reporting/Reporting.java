package org.teleris.consult.application.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.domain.ai.StudyPrescreened;
import org.teleris.consult.domain.intake.StudyReceived;
import org.teleris.consult.domain.reporting.Actor;
import org.teleris.consult.domain.reporting.ClinicalPicture;
import org.teleris.consult.domain.reporting.ConfirmedCaseCheck;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Lang;
import org.teleris.consult.domain.reporting.ReportCommand;
import org.teleris.consult.domain.reporting.ReportDelivered;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.ReportHistoryEntry;
import org.teleris.consult.domain.reporting.ReportNotPermittedException;
import org.teleris.consult.domain.reporting.ReportRepository;
import org.teleris.consult.domain.reporting.ReportState;
import org.teleris.consult.domain.reporting.ReportTransitioned;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;
import org.teleris.consult.domain.reporting.SeverityRules;
import org.teleris.consult.domain.reporting.SeverityTable;
import org.teleris.consult.domain.reporting.StudyContext;
import org.teleris.consult.domain.reporting.Symptom;

/**
 * Stage II reporting: received studies enter the worklist; experts claim, write, sign, second-read
 * and add addenda. Each command locks the report, is checked by the domain, writes a history entry
 * and fires {@link ReportTransitioned} (audit, live worklist) in the same transaction.
 */
@ApplicationScoped
public class Reporting {

    private static final Logger LOG = Logger.getLogger(Reporting.class.getName());
    static final int WORKLIST_LIMIT = 500;

    @Inject
    ReportRepository reports;

    @Inject
    CaseFacts caseFacts;

    @Inject
    CurrentUser users;

    @Inject
    Event<ReportTransitioned> transitioned;

    @Inject
    Event<ReportDelivered> delivered;

    @Inject
    Clock clock;

    @Inject
    ReportDocuments documents;

    @Inject
    ReportingTimeLimits limits;

    private final SeverityRules rules = SeverityRules.standard();
    private final SeverityTable table = SeverityTable.standard();

    /** A complete study enters the worklist in the transaction that made it visible (once per case and study). */
    @Transactional
    public void studyReceived(@Observes StudyReceived received) {
        if (reports.findByCaseAndStudy(received.caseId(), received.studyInstanceUid()).isPresent()) {
            return;
        }
        CaseFacts.Facts f = caseFacts.of(received.caseId()).orElse(null);
        ClinicalPicture clinical = f == null ? ClinicalPicture.NONE
                : new ClinicalPicture(f.temperatureC(), f.respiratoryRate(), f.spo2(), f.pao2Fio2(),
                        symptoms(f.symptoms()), f.epidemiologicalContact(), false, false, false, false);
        StudyContext study = new StudyContext(received.caseId(), received.uploadSessionId(), received.organisationId(),
                f == null ? null : f.organisationName(), received.studyInstanceUid(), received.seriesCount(),
                received.instanceCount(), f == null ? null : f.question(), f == null ? null : f.modality(),
                f == null ? null : f.bodyPart(), clinical, f == null ? null : f.daysSinceOnset(),
                f == null ? null : f.pcr());
        Instant now = clock.instant();
        ConsultReport report = ConsultReport.receive(study, limits, rules, now);
        reports.add(report);
        reports.addHistory(new ReportHistoryEntry(report, "system", ReportHistoryEntry.RECEIVED, null, now));
        transitioned.fire(new ReportTransitioned(report.id(), report.caseId(), report.organisationId(),
                ReportHistoryEntry.RECEIVED, report.state().name(), "system", report.organisationId()));
        LOG.info(() -> "worklist item " + report.id() + " for case " + received.caseId() + ", priority "
                + report.priority());
    }

    private static Set<Symptom> symptoms(Set<String> names) {
        if (names == null) {
            return Set.of();
        }
        return names.stream().filter(n -> java.util.Arrays.stream(Symptom.values()).anyMatch(s -> s.name().equals(n)))
                .map(Symptom::valueOf).collect(Collectors.toSet());
    }

    /** The AI's estimate on the received study, shown on the worklist and the report; never decides. */
    @Transactional
    public void aiResult(@Observes StudyPrescreened result) {
        if (!"COMPLETED".equals(result.kind())) {
            return;
        }
        reports.findByCaseAndStudy(result.caseId(), result.studyInstanceUid()).ifPresent(r -> {
            CtClass ai = parseClass(result.ctClass());
            String summary = String.format(java.util.Locale.ROOT, "%s%s%s (For Research Purposes Only)",
                    result.probability() == null ? "" : String.format(java.util.Locale.ROOT, "p=%.2f ",
                            result.probability()),
                    ai == null ? "" : ai.name() + " ",
                    result.involvementTotal() == null ? "" : String.format(java.util.Locale.ROOT, "%.0f %%",
                            result.involvementTotal()));
            r.noteAiResult(summary.strip(), ai);
        });
    }

    static CtClass parseClass(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replace("-", "").replace("_", "").toUpperCase(java.util.Locale.ROOT);
        for (CtClass c : CtClass.values()) {
            if (c.name().equals(compact)) {
                return c;
            }
        }
        return null;
    }

    @Transactional
    public ReportViews.Worklist worklist(ConsultUser caller) {
        requireReferenceCentre(caller);
        Instant now = clock.instant();
        List<ReportViews.WorklistItem> items = reports.open(WORKLIST_LIMIT).stream()
                .map(r -> ReportViews.WorklistItem.of(r, now)).toList();
        return new ReportViews.Worklist(now, reports.breachCount(), items);
    }

    /** Delivered reports the caller may read: a doctor their clinic's, the reference centre all. */
    @Transactional
    public List<ReportViews.WorklistItem> deliveredReports(ConsultUser caller, String caseId) {
        Instant now = clock.instant();
        String org = caller.role() == ConsultUser.Role.DOCTOR ? caller.organisationId() : null;
        return reports.delivered(org, WORKLIST_LIMIT).stream()
                .filter(r -> caseId == null || caseId.equals(r.caseId()))
                .map(r -> ReportViews.WorklistItem.of(r, now)).toList();
    }

    @Transactional
    public ReportViews.ReportView view(ConsultUser caller, String reportId) {
        ConsultReport r = visible(caller, reportId);
        return view(caller, r);
    }

    private ReportViews.ReportView view(ConsultUser caller, ConsultReport r) {
        boolean referenceCentre = caller.role() == ConsultUser.Role.EXPERT || caller.role() == ConsultUser.Role.ADMIN;
        return ReportViews.full(r, r.proposal(rules), r.confirmedCase(new ConfirmedCaseCheck(table)),
                reports.versions(r.id()), referenceCentre ? reports.history(r.id()) : List.of(), referenceCentre,
                table, clock.instant());
    }

    /** The report if the caller may see it: experts and admins all, a doctor only their clinic's delivered ones. */
    ConsultReport visible(ConsultUser caller, String reportId) {
        ConsultReport r = reports.find(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
        if (!caller.maySee(r.organisationId()) || caller.role() == ConsultUser.Role.CONSULTANT
                || (caller.role() == ConsultUser.Role.DOCTOR && r.state() != ReportState.DELIVERED)) {
            throw new ReportNotFoundException(reportId);
        }
        return r;
    }

    public List<ReportVersion> deliveredVersions(ConsultUser caller, String reportId) {
        ConsultReport r = visible(caller, reportId);
        if (r.state() != ReportState.DELIVERED) {
            return List.of();
        }
        return reports.versions(r.id());
    }

    /** A stored document of a delivered report. */
    public record Document(String fileName, String mediaType, byte[] content) {
    }

    /** The delivered report as PDF in the reader's language ({@code sr=false}) or as DICOM SR; audited as an export. */
    @Transactional
    public Document document(ConsultUser caller, String reportId, boolean sr, Lang lang) {
        ConsultReport r = visible(caller, reportId);
        if (r.state() != ReportState.DELIVERED) {
            throw new ReportNotFoundException(reportId, "has not been delivered yet");
        }
        ReportViews.ReportView view = ReportViews.full(r, r.proposal(rules), null, reports.versions(r.id()),
                List.of(), false, table, clock.instant());
        try {
            String base = "report-" + r.id() + "-v" + view.versions().size();
            Document document = sr ? new Document(base + ".dcm", "application/dicom", documents.sr(view))
                    : new Document(base + "-" + lang.code() + ".pdf", "application/pdf", documents.pdf(view, lang));
            transitioned.fire(new ReportTransitioned(r.id(), r.caseId(), r.organisationId(),
                    sr ? "EXPORT_SR" : "EXPORT_PDF", r.state().name(), caller.username(), caller.organisationId()));
            return document;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Transactional
    public ReportViews.ReportView claim(ConsultUser caller, String reportId) {
        return command(caller, reportId, ReportCommand.CLAIM, (r, actor, now) -> {
            r.claim(actor, now);
            return null;
        });
    }

    @Transactional
    public ReportViews.ReportView release(ConsultUser caller, String reportId) {
        return command(caller, reportId, ReportCommand.RELEASE, (r, actor, now) -> {
            r.release(actor);
            return null;
        });
    }

    @Transactional
    public ReportViews.ReportView assign(ConsultUser caller, String reportId, String username) {
        ConsultUser to = users.byUsername(username == null ? "" : username)
                .orElseThrow(() -> new IllegalArgumentException("no enabled user " + username));
        return command(caller, reportId, ReportCommand.ASSIGN, (r, actor, now) -> {
            r.assign(actor, actor(to), now);
            return to.username();
        });
    }

    @Transactional
    public ReportViews.ReportView saveDraft(ConsultUser caller, String reportId, ReportDraft draft) {
        return command(caller, reportId, ReportCommand.SAVE_DRAFT, (r, actor, now) -> {
            r.saveDraft(actor, draft);
            return null;
        });
    }

    @Transactional
    public ReportViews.ReportView sign(ConsultUser caller, String reportId) {
        return command(caller, reportId, ReportCommand.SIGN, (r, actor, now) -> {
            ReportVersion v = r.sign(actor, rules, now);
            reports.addVersion(v);
            deliverIfDone(r, v);
            return "v" + v.number() + " " + v.content().ctClass();
        });
    }

    @Transactional
    public ReportViews.ReportView secondRead(ConsultUser caller, String reportId, boolean agrees, String comment) {
        return command(caller, reportId, agrees ? ReportCommand.SECOND_READ_AGREE : ReportCommand.SECOND_READ_DISAGREE,
                (r, actor, now) -> {
                    List<ReportVersion> versions = reports.versions(r.id());
                    ReportVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
                    // The state machine refuses before the version is looked at, so latest is set when used.
                    r.secondRead(actor, latest, agrees, comment, now);
                    deliverIfDone(r, latest);
                    return "v" + latest.number();
                });
    }

    @Transactional
    public ReportViews.ReportView addAddendum(ConsultUser caller, String reportId, String text) {
        return command(caller, reportId, ReportCommand.ADD_ADDENDUM, (r, actor, now) -> {
            ReportVersion v = r.addAddendum(actor, text, now);
            reports.addVersion(v);
            delivered.fire(new ReportDelivered(r.id(), r.caseId(), r.organisationId(), v.number(), v.kind().name(),
                    null));
            return "v" + v.number();
        });
    }

    private void deliverIfDone(ConsultReport r, ReportVersion v) {
        if (r.state() == ReportState.DELIVERED) {
            delivered.fire(new ReportDelivered(r.id(), r.caseId(), r.organisationId(), v.number(), v.kind().name(),
                    v.content().ctClass().name()));
        }
    }

    /** Marks studies past their time limit (once each) and tells the audit and the live worklist. */
    @Transactional
    public int markBreaches() {
        Instant now = clock.instant();
        int marked = 0;
        for (ConsultReport candidate : reports.dueUnmarkedBefore(now, 100)) {
            ConsultReport r = reports.findForUpdate(candidate.id()).orElse(null);
            if (r != null && r.markBreached(now)) {
                reports.addHistory(new ReportHistoryEntry(r, "system", ReportHistoryEntry.BREACHED, null, now));
                transitioned.fire(new ReportTransitioned(r.id(), r.caseId(), r.organisationId(),
                        ReportHistoryEntry.BREACHED, r.state().name(), "system", r.organisationId()));
                marked++;
            }
        }
        return marked;
    }

    private interface Step {
        String apply(ConsultReport report, Actor actor, Instant now);
    }

    private ReportViews.ReportView command(ConsultUser caller, String reportId, ReportCommand command, Step step) {
        requireReferenceCentre(caller);
        ConsultReport r = reports.findForUpdate(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
        Instant now = clock.instant();
        String detail = step.apply(r, actor(caller), now);
        reports.addHistory(new ReportHistoryEntry(r, caller.displayName() == null ? caller.username()
                : caller.displayName(), command.name(), detail, now));
        transitioned.fire(new ReportTransitioned(r.id(), r.caseId(), r.organisationId(), command.name(),
                r.state().name(), caller.username(), caller.organisationId()));
        return view(caller, r);
    }

    private static void requireReferenceCentre(ConsultUser caller) {
        if (caller.role() != ConsultUser.Role.EXPERT && caller.role() != ConsultUser.Role.ADMIN) {
            throw new ReportNotPermittedException("only expert radiologists and administrators work the reporting list");
        }
    }

    static Actor actor(ConsultUser user) {
        Actor.Kind kind = switch (user.role()) {
            case EXPERT -> Actor.Kind.EXPERT;
            case ADMIN -> Actor.Kind.ADMIN;
            default -> Actor.Kind.OTHER;
        };
        return new Actor(user.userId(), user.username(), user.displayName() == null ? user.username()
                : user.displayName(), kind, user.organisationId());
    }
}

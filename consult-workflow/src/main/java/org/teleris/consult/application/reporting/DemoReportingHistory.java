package org.teleris.consult.application.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.domain.reporting.Actor;
import org.teleris.consult.domain.reporting.ClinicalPicture;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.ImagingFindings;
import org.teleris.consult.domain.reporting.ReportCommand;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.ReportHistoryEntry;
import org.teleris.consult.domain.reporting.ReportRepository;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;
import org.teleris.consult.domain.reporting.SeverityRules;
import org.teleris.consult.domain.reporting.StudyContext;
import org.teleris.consult.domain.reporting.Symptom;

/**
 * Stage II of the finished demo period, for the workload dashboard: each full study the demo
 * consultants asked for was received, read by one demo expert, signed, second-read by the other
 * where the class is CT-1..CT-4 (now and then disagreeing, so the first reader signs again) and
 * delivered, with plausible times, some past the reporting limit. The reports go through the
 * aggregate's own commands, so every rule holds as in real use; no events are fired and no study
 * is stored (history, not activity: the reports have no images, so no DICOM SR can be made of them).
 */
@ApplicationScoped
public class DemoReportingHistory {

    /** A study the demo period received: the stage I case it answers and when the full study was asked for. */
    public record DemoStudy(String caseId, String organisationId, String organisationName, String question,
                            Instant requestedAt) {
    }

    /** One played report: the aggregate in its final state, its signed versions and its history, in order. */
    public record Played(ConsultReport report, List<ReportVersion> versions, List<ReportHistoryEntry> history) {
    }

    private final SeverityRules rules = SeverityRules.standard();

    @Inject
    ReportRepository reports;

    @Inject
    CurrentUser users;

    @Inject
    ReportingTimeLimits limits;

    /** @return how many reports were written (studies that would be received after {@code now} are left out) */
    @Transactional
    public int seed(List<DemoStudy> studies, List<String> expertUsernames, Instant now, long seed) {
        List<Actor> experts = expertUsernames.stream().flatMap(u -> users.byUsername(u).stream())
                .map(Reporting::actor).toList();
        if (experts.size() < 2) {
            return 0; // a second read needs a second expert
        }
        Random random = new Random(seed);
        int written = 0;
        for (DemoStudy study : studies) {
            Played played = play(study, experts, rules, limits, random);
            if (played.report().deliveredAt().isAfter(now)) {
                continue;
            }
            reports.add(played.report());
            played.versions().forEach(reports::addVersion);
            played.history().forEach(reports::addHistory);
            written++;
        }
        return written;
    }

    /** Plays one study from reception to delivery; pure, so that a test can check every report it makes. */
    static Played play(DemoStudy study, List<Actor> experts, SeverityRules rules, ReportingTimeLimits limits,
                       Random random) {
        Instant received = study.requestedAt().plus(minutes(20 + random.nextInt(22 * 60)));
        ConsultReport r = ConsultReport.receive(new StudyContext(study.caseId(), null, study.organisationId(),
                study.organisationName(), uid(random), 1, 280 + random.nextInt(200), study.question(), "CT", "CHEST",
                clinical(random), 3 + random.nextInt(10), random.nextBoolean() ? "positive" : null),
                limits, rules, received);
        List<ReportVersion> versions = new ArrayList<>();
        List<ReportHistoryEntry> history = new ArrayList<>();
        history.add(new ReportHistoryEntry(r, "system", ReportHistoryEntry.RECEIVED, null, received));

        int first = random.nextInt(experts.size());
        Actor reader = experts.get(first);
        Actor secondReader = experts.get((first + 1 + random.nextInt(experts.size() - 1)) % experts.size());
        // mostly claimed and signed well within the limit; about one in eight waits too long
        boolean late = random.nextDouble() < 0.12;
        Instant t = received.plus(minutes(late ? 60 + random.nextInt(240) : 2 + random.nextInt(12)));
        r.claim(reader, t);
        history.add(new ReportHistoryEntry(r, reader.displayName(), ReportCommand.CLAIM.name(), null, t));
        r.saveDraft(reader, draft(r, rules, random));
        t = t.plus(minutes(8 + random.nextInt(20)));
        t = breachIfDue(r, t, history);
        ReportVersion v = r.sign(reader, rules, t);
        versions.add(v);
        history.add(new ReportHistoryEntry(r, reader.displayName(), ReportCommand.SIGN.name(), "v" + v.number(), t));
        while (v.content().ctClass().needsSecondRead() && r.deliveredAt() == null) {
            boolean agrees = random.nextDouble() >= 0.1;
            t = breachIfDue(r, t.plus(minutes(4 + random.nextInt(22))), history);
            r.secondRead(secondReader, v, agrees, agrees ? null : "The involvement looks larger to me; please recount.",
                    t);
            history.add(new ReportHistoryEntry(r, secondReader.displayName(),
                    (agrees ? ReportCommand.SECOND_READ_AGREE : ReportCommand.SECOND_READ_DISAGREE).name(), "v" + v.number(),
                    t));
            if (!agrees) {
                t = breachIfDue(r, t.plus(minutes(10 + random.nextInt(20))), history);
                v = r.sign(reader, rules, t);
                versions.add(v);
                history.add(new ReportHistoryEntry(r, reader.displayName(), ReportCommand.SIGN.name(), "v" + v.number(), t));
            }
        }
        return new Played(r, versions, history);
    }

    /** What the breach watch would have done had it looked at {@code at}: mark a report still open past its due time. */
    private static Instant breachIfDue(ConsultReport r, Instant at, List<ReportHistoryEntry> history) {
        Instant watched = r.dueAt().plus(minutes(1));
        if (at.isAfter(watched) && r.markBreached(watched)) {
            history.add(new ReportHistoryEntry(r, "system", ReportHistoryEntry.BREACHED, null, watched));
        }
        return at;
    }

    /** Findings for a class drawn from a plausible mix; the expert takes the rules' proposal, now and then not. */
    private static ReportDraft draft(ConsultReport r, SeverityRules rules, Random random) {
        double p = random.nextDouble();
        int total = p < 0.2 ? 0 : p < 0.55 ? 5 + random.nextInt(20) : p < 0.8 ? 25 + random.nextInt(25)
                : p < 0.95 ? 50 + random.nextInt(25) : 75 + random.nextInt(16);
        boolean pneumonia = total > 0;
        int right = Math.min(100, total + random.nextInt(6));
        int left = Math.max(0, 2 * total - right);
        boolean consolidation = total >= 50;
        boolean crazyPaving = consolidation && random.nextBoolean();
        ImagingFindings findings = new ImagingFindings(pneumonia, consolidation, crazyPaving, false, false, total,
                null, null);
        CtClass proposed = rules.propose(findings, r.clinicalPicture()).proposed();
        boolean disagree = random.nextDouble() < 0.08;
        CtClass chosen = !disagree ? proposed : proposed == CtClass.CT4 ? CtClass.CT3
                : CtClass.values()[proposed.ordinal() + 1];
        return new ReportDraft(pneumonia, consolidation, crazyPaving, false, false, null, pneumonia, pneumonia,
                pneumonia, false, right, left, total, null, null, null, false, false, false, false, chosen,
                disagree ? "Clinical course weighs more than the involvement here." : null,
                pneumonia ? "Bilateral peripheral ground-glass opacities, about " + total + " % of the lungs."
                        : "No CT signs of viral pneumonia.",
                pneumonia ? "Manage by the routing of the class; follow-up CT if the course worsens." : null);
    }

    private static ClinicalPicture clinical(Random random) {
        double temperature = Math.round((36.6 + random.nextDouble() * 2.6) * 10) / 10.0;
        int spo2 = 90 + random.nextInt(9);
        return new ClinicalPicture(temperature, 14 + random.nextInt(18), spo2, null,
                random.nextBoolean() ? Set.of(Symptom.values()[random.nextInt(Symptom.values().length)]) : Set.of(),
                random.nextBoolean(), false, false, false, false);
    }

    private static String uid(Random random) {
        return "2.25." + new BigInteger(127, random);
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}

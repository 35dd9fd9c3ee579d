package org.teleris.consult.application.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.teleris.consult.domain.reporting.CaseType;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.Priority;
import org.teleris.consult.domain.reporting.ReportRepository;
import org.teleris.consult.domain.reporting.ReportState;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;

/**
 * Stage II figures of a period for the administrator's workload dashboard: studies received,
 * signed, delivered, still open and past their time limit; time to the signed and to the delivered
 * report against each study's limit; second-read agreement; per-expert load. Identifiers and
 * counts only, never report content.
 */
@ApplicationScoped
public class ReportingStatistics {

    static final int MAX_REPORTS = 5000;

    @Inject
    ReportRepository reports;

    @Inject
    Clock clock;

    @Inject
    ReportingTimeLimits limits;

    /**
     * Of the studies received in the period: {@code minutesToSigned} (first signed version) and
     * {@code minutesToDelivery} per report; {@code deliveredWithinLimit} / {@code overLimit} compare
     * delivery (or, still open, now) with each study's due time; {@code limitMinutes} is the
     * configured limit per priority and case type ("URGENT.CHEST_CT").
     */
    public record Figures(int received, int signed, int delivered, int open, int breaches,
                          List<Double> minutesToSigned, List<Double> minutesToDelivery, int deliveredWithinLimit,
                          int overLimit, int secondReads, int secondReadAgreements, boolean truncated,
                          Map<String, Double> limitMinutes, List<ExpertLoad> experts) {
    }

    /** An expert's reports: held now, versions signed and second reads given in the period. */
    public record ExpertLoad(String name, int holding, int signed, int secondReads) {
    }

    @Transactional
    public Figures figures(Instant from, Instant to) {
        Instant now = clock.instant();
        List<ConsultReport> received = reports.receivedBetween(from, to, MAX_REPORTS);
        int signed = 0;
        int delivered = 0;
        int open = 0;
        int breaches = 0;
        int within = 0;
        int over = 0;
        List<Double> toSigned = new ArrayList<>();
        List<Double> toDelivery = new ArrayList<>();
        for (ConsultReport r : received) {
            if (r.breachedAt() != null) {
                breaches++;
            }
            if (r.versionCount() > 0) {
                signed++;
                reports.versions(r.id()).stream().filter(v -> v.kind() == ReportVersion.Kind.REPORT).findFirst()
                        .ifPresent(v -> toSigned.add(minutes(r.receivedAt(), v.signedAt())));
            }
            if (r.state() == ReportState.DELIVERED && r.deliveredAt() != null) {
                delivered++;
                toDelivery.add(minutes(r.receivedAt(), r.deliveredAt()));
                if (r.deliveredAt().isAfter(r.dueAt())) {
                    over++;
                } else {
                    within++;
                }
            } else {
                open++;
                if (now.isAfter(r.dueAt())) {
                    over++;
                }
            }
        }

        Map<String, int[]> load = new TreeMap<>();
        for (ConsultReport r : reports.open(MAX_REPORTS)) {
            if (r.holderName() != null) {
                load.computeIfAbsent(r.holderName(), n -> new int[3])[0]++;
            }
        }
        int secondReads = 0;
        int agreements = 0;
        for (ReportVersion v : reports.versionsActiveBetween(from, to, MAX_REPORTS)) {
            if (in(v.signedAt(), from, to)) {
                load.computeIfAbsent(v.signedByName(), n -> new int[3])[1]++;
            }
            if (v.secondReadAt() != null && in(v.secondReadAt(), from, to)) {
                secondReads++;
                if (Boolean.TRUE.equals(v.secondReadAgrees())) {
                    agreements++;
                }
                if (v.secondReaderName() != null) {
                    load.computeIfAbsent(v.secondReaderName(), n -> new int[3])[2]++;
                }
            }
        }
        List<ExpertLoad> experts = load.entrySet().stream()
                .map(e -> new ExpertLoad(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt((ExpertLoad l) -> -(l.signed() + l.secondReads() + l.holding()))
                        .thenComparing(ExpertLoad::name))
                .toList();
        Map<String, Double> limitMinutes = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            for (CaseType c : CaseType.values()) {
                limitMinutes.put(p.name() + "." + c.name(), limits.limit(p, c).toMillis() / 60_000.0);
            }
        }
        return new Figures(received.size(), signed, delivered, open, breaches, toSigned, toDelivery, within, over,
                secondReads, agreements, received.size() >= MAX_REPORTS, limitMinutes, experts);
    }

    private static boolean in(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}

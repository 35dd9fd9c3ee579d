package org.teleris.ris.domain.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the facts of the cases submitted in a period into the dashboard's figures. Days are UTC
 * days; every day of the period appears, empty ones too, so a chart's axis has no gaps.
 */
public final class WorkloadCalculator {

    /** Histogram steps as multiples of the triage limit. */
    private static final double[] STEPS = {0, 0.25, 0.5, 0.75, 1, 1.5, 2};

    /** At most this many days are listed one by one. */
    public static final int MAX_DAYS = 366;

    private WorkloadCalculator() {
    }

    public static Workload compute(List<CaseFact> cases, boolean truncated, Duration limit, Instant from, Instant to,
                                   Instant now, StageTwoFigures stageTwo) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (String state : List.of(CaseFact.SUBMITTED, CaseFact.CLAIMED, CaseFact.DECLINED, CaseFact.ANSWERED,
                CaseFact.FULL_STUDY_REQUESTED, CaseFact.CANCELLED)) {
            byState.put(state, 0);
        }
        for (CaseFact c : cases) {
            byState.merge(c.state(), 1, Integer::sum);
        }
        List<Duration> claims = new ArrayList<>();
        List<Duration> decisions = new ArrayList<>();
        for (CaseFact c : cases) {
            if (c.firstClaimedAt() != null) {
                claims.add(nonNegative(Duration.between(c.createdAt(), c.firstClaimedAt())));
            }
            if (c.decided() && c.decidedAt() != null) {
                decisions.add(nonNegative(Duration.between(c.createdAt(), c.decidedAt())));
            }
        }
        return new Workload(from, to, now, minutes(limit), truncated,
                totals(cases, limit, now), byState, periods(cases, limit, from, to, now),
                organisations(cases, limit, now), times(claims, limit), times(decisions, limit),
                consultants(cases), stageTwo);
    }

    /** Waited longer than the limit for the first claim, or is still waiting past it. */
    public static boolean breached(CaseFact c, Duration limit, Instant now) {
        Instant deadline = c.createdAt().plus(limit);
        if (c.firstClaimedAt() != null) {
            return c.firstClaimedAt().isAfter(deadline);
        }
        return CaseFact.SUBMITTED.equals(c.state()) && now.isAfter(deadline);
    }

    private static Workload.Totals totals(List<CaseFact> cases, Duration limit, Instant now) {
        Counts n = Counts.of(cases, limit, now);
        return new Workload.Totals(n.submitted, n.open, n.declined, n.answered, n.fullStudy, n.cancelled,
                n.decided(), n.fullStudyShare(), n.breaches);
    }

    private static List<Workload.Period> periods(List<CaseFact> cases, Duration limit, Instant from, Instant to,
                                                 Instant now) {
        Map<LocalDate, List<CaseFact>> days = new TreeMap<>();
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        for (LocalDate d = first; !d.isAfter(last) && days.size() < MAX_DAYS; d = d.plusDays(1)) {
            days.put(d, new ArrayList<>());
        }
        for (CaseFact c : cases) {
            days.computeIfAbsent(LocalDate.ofInstant(c.createdAt(), ZoneOffset.UTC), d -> new ArrayList<>()).add(c);
        }
        List<Workload.Period> result = new ArrayList<>();
        days.forEach((day, list) -> {
            Counts n = Counts.of(list, limit, now);
            result.add(new Workload.Period(day, n.submitted, n.declined, n.answered, n.fullStudy, n.cancelled,
                    n.breaches));
        });
        return result;
    }

    private static List<Workload.OrganisationOutcomes> organisations(List<CaseFact> cases, Duration limit,
                                                                     Instant now) {
        Map<String, List<CaseFact>> byOrganisation = group(cases, CaseFact::organisationId);
        List<Workload.OrganisationOutcomes> result = new ArrayList<>();
        byOrganisation.forEach((id, list) -> {
            Counts n = Counts.of(list, limit, now);
            result.add(new Workload.OrganisationOutcomes(id, list.get(list.size() - 1).organisationName(),
                    n.submitted, n.declined, n.answered, n.fullStudy, n.cancelled, n.fullStudyShare(), n.breaches));
        });
        result.sort(Comparator.comparingInt(Workload.OrganisationOutcomes::submitted).reversed()
                .thenComparing(Workload.OrganisationOutcomes::name));
        return result;
    }

    private static List<Workload.ConsultantLoad> consultants(List<CaseFact> cases) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<Duration>> decisionTimes = new TreeMap<>();
        for (CaseFact c : cases) {
            if (CaseFact.CLAIMED.equals(c.state()) && c.holderName() != null) {
                counts.computeIfAbsent(c.holderName(), k -> new int[4])[0]++;
            }
            if (c.decided() && c.decidedByName() != null) {
                int[] n = counts.computeIfAbsent(c.decidedByName(), k -> new int[4]);
                switch (c.state()) {
                    case CaseFact.DECLINED -> n[1]++;
                    case CaseFact.ANSWERED -> n[2]++;
                    default -> n[3]++;
                }
                if (c.decidedAt() != null) {
                    decisionTimes.computeIfAbsent(c.decidedByName(), k -> new ArrayList<>())
                            .add(nonNegative(Duration.between(c.createdAt(), c.decidedAt())));
                }
            }
        }
        List<Workload.ConsultantLoad> result = new ArrayList<>();
        counts.forEach((name, n) -> {
            List<Duration> times = decisionTimes.getOrDefault(name, List.of());
            result.add(new Workload.ConsultantLoad(name, n[0], n[1] + n[2] + n[3], n[1], n[2], n[3],
                    times.isEmpty() ? null : quantile(sortedMinutes(times), 0.5)));
        });
        result.sort(Comparator.comparingInt((Workload.ConsultantLoad l) -> l.decided() + l.holding()).reversed()
                .thenComparing(Workload.ConsultantLoad::name));
        return result;
    }

    static Workload.Times times(List<Duration> durations, Duration limit) {
        double[] sorted = sortedMinutes(durations);
        double limitMinutes = minutes(limit);
        int within = 0;
        for (double m : sorted) {
            if (m <= limitMinutes) {
                within++;
            }
        }
        List<Workload.Bin> bins = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            double lower = STEPS[i] * limitMinutes;
            Double upper = i + 1 < STEPS.length ? STEPS[i + 1] * limitMinutes : null;
            int count = 0;
            for (double m : sorted) {
                boolean aboveLower = i == 0 ? m >= lower : m > lower;
                if (aboveLower && (upper == null || m <= upper)) {
                    count++;
                }
            }
            bins.add(new Workload.Bin(round(lower), upper == null ? null : round(upper), count));
        }
        return new Workload.Times(sorted.length, sorted.length == 0 ? null : quantile(sorted, 0.5),
                sorted.length == 0 ? null : quantile(sorted, 0.9),
                sorted.length == 0 ? null : round(sorted[sorted.length - 1]), within, sorted.length - within, bins);
    }

    /** Linear interpolation between closest ranks, rounded to 0.1 minute. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return round(sorted[below] + (sorted[above] - sorted[below]) * (position - below));
    }

    private static double[] sortedMinutes(List<Duration> durations) {
        return durations.stream().mapToDouble(WorkloadCalculator::minutes).sorted().toArray();
    }

    private static double minutes(Duration d) {
        return d.toMillis() / 60_000.0;
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static <K> Map<K, List<CaseFact>> group(List<CaseFact> cases, Function<CaseFact, K> key) {
        Map<K, List<CaseFact>> groups = new LinkedHashMap<>();
        for (CaseFact c : cases) {
            groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    private static final class Counts {
        int submitted;
        int open;
        int declined;
        int answered;
        int fullStudy;
        int cancelled;
        int breaches;

        static Counts of(List<CaseFact> cases, Duration limit, Instant now) {
            Counts n = new Counts();
            for (CaseFact c : cases) {
                n.submitted++;
                switch (c.state()) {
                    case CaseFact.DECLINED -> n.declined++;
                    case CaseFact.ANSWERED -> n.answered++;
                    case CaseFact.FULL_STUDY_REQUESTED -> n.fullStudy++;
                    case CaseFact.CANCELLED -> n.cancelled++;
                    default -> n.open++;
                }
                if (breached(c, limit, now)) {
                    n.breaches++;
                }
            }
            return n;
        }

        int decided() {
            return declined + answered + fullStudy;
        }

        Double fullStudyShare() {
            return decided() == 0 ? null : Math.round(1000.0 * fullStudy / decided()) / 1000.0;
        }
    }
}

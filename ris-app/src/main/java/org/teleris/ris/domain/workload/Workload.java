package org.teleris.ris.domain.workload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the workload dashboard shows for one period. Times are in minutes. */
public record Workload(Instant from, Instant to, Instant generatedAt, double triageLimitMinutes, boolean truncated,
                       Totals totals, Map<String, Integer> byState, List<Period> periods,
                       List<OrganisationOutcomes> organisations, Times timeToClaim, Times timeToDecision,
                       List<ConsultantLoad> consultants, StageTwoFigures stageTwo) {

    /**
     * Cases submitted in the period and what became of them; {@code fullStudyShare} is full-study
     * requests among decided cases (null when none was decided); {@code overdueBreaches} counts
     * cases that waited longer than the triage limit for their first claim (or still wait).
     */
    public record Totals(int submitted, int open, int declined, int answered, int fullStudy, int cancelled,
                         int decided, Double fullStudyShare, int overdueBreaches) {
    }

    /** One day (UTC) of submissions and outcomes. */
    public record Period(LocalDate day, int submitted, int declined, int answered, int fullStudy, int cancelled,
                         int overdueBreaches) {
    }

    public record OrganisationOutcomes(String organisationId, String name, int submitted, int declined,
                                       int answered, int fullStudy, int cancelled, Double fullStudyShare,
                                       int overdueBreaches) {
    }

    /** A distribution of waiting times: summary figures and a histogram in steps of the limit. */
    public record Times(int count, Double medianMinutes, Double p90Minutes, Double maxMinutes, int withinLimit,
                        int overLimit, List<Bin> histogram) {
    }

    /** Times from {@code fromMinutes} up to {@code toMinutes} (null: no upper end). */
    public record Bin(double fromMinutes, Double toMinutes, int count) {
    }

    /** A consultant's cases: held now, decided in the period (by outcome), median time to decision. */
    public record ConsultantLoad(String name, int holding, int decided, int declined, int answered, int fullStudy,
                                 Double medianDecisionMinutes) {
    }
}

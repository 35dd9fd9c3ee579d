package org.teleris.consult.domain.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Time from receipt of a study to delivery of its report, per priority and case type: one
 * configuration value ({@code ris.reporting.time-limits}), e.g.
 * {@code URGENT.CHEST_CT=PT1H,ROUTINE.CHEST_CT=PT4H,URGENT.OTHER=PT2H,ROUTINE.OTHER=PT24H}.
 * Pairs left out keep these defaults.
 */
public final class ReportingTimeLimits {

    public static final String DEFAULTS = "URGENT.CHEST_CT=PT1H,ROUTINE.CHEST_CT=PT4H,URGENT.OTHER=PT2H,ROUTINE.OTHER=PT24H";

    private final Map<Priority, Map<CaseType, Duration>> limits = new EnumMap<>(Priority.class);

    private ReportingTimeLimits() {
    }

    public static ReportingTimeLimits parse(String spec) {
        ReportingTimeLimits result = new ReportingTimeLimits();
        result.read(DEFAULTS);
        if (spec != null && !spec.isBlank()) {
            result.read(spec);
        }
        return result;
    }

    private void read(String spec) {
        for (String pair : spec.split(",")) {
            String[] keyValue = pair.trim().split("=", 2);
            String[] key = keyValue[0].trim().split("\\.", 2);
            if (keyValue.length != 2 || key.length != 2) {
                throw new IllegalArgumentException("time limit entry must look like URGENT.CHEST_CT=PT1H: " + pair);
            }
            Duration duration = Duration.parse(keyValue[1].trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("time limit must be positive: " + pair);
            }
            limits.computeIfAbsent(Priority.valueOf(key[0].trim()), p -> new EnumMap<>(CaseType.class))
                    .put(CaseType.valueOf(key[1].trim()), duration);
        }
    }

    public Duration limit(Priority priority, CaseType caseType) {
        return limits.get(priority).get(caseType);
    }

    public Instant dueAt(Priority priority, CaseType caseType, Instant receivedAt) {
        return receivedAt.plus(limit(priority, caseType));
    }
}

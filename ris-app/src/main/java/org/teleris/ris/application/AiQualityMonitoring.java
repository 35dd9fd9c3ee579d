package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.ris.domain.aiquality.AiQualityFigures;
import org.teleris.ris.domain.aiquality.AiQualityRepository;
import org.teleris.ris.domain.aiquality.AiRun;
import org.teleris.ris.domain.aiquality.AiStage;
import org.teleris.ris.domain.aiquality.ReferenceDecision;

/**
 * Records every AI result and every reference decision, and answers the admin's quality
 * questions over a period: defects per model and ROC AUC against the doctors' decisions.
 */
@ApplicationScoped
public class AiQualityMonitoring {

    /** A quality report over a period. */
    public record Report(Instant from, Instant to, long lateAfterMillis, List<AiQualityFigures.ModelCounts> models,
                         List<AiQualityFigures.ModelAccuracy> accuracy) {
    }

    @Inject
    AiQualityRepository repository;

    @Inject
    @ConfigProperty(name = "ris.ai.late-after", defaultValue = "PT20S")
    Duration lateAfter;

    @Inject
    Clock clock;

    @Transactional
    public void recordRun(AiRun run) {
        repository.add(run);
    }

    /** The latest decision of a stage counts: a revised report replaces the earlier class. */
    @Transactional
    public void recordDecision(String caseId, AiStage stage, boolean positive) {
        Instant now = clock.instant();
        repository.decision(caseId, stage).ifPresentOrElse(d -> d.revise(positive, now),
                () -> repository.add(new ReferenceDecision(caseId, stage, positive, now)));
    }

    @Transactional
    public Report report(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must start before it ends");
        }
        List<AiRun> runs = repository.runsBetween(from, to);
        Map<AiStage, Map<String, Boolean>> decisions = new EnumMap<>(AiStage.class);
        for (AiStage stage : AiStage.values()) {
            List<String> caseIds = runs.stream().filter(r -> r.stage() == stage).map(AiRun::caseId).distinct().toList();
            decisions.put(stage, repository.decisionsFor(stage, caseIds).stream()
                    .collect(Collectors.toMap(ReferenceDecision::caseId, ReferenceDecision::positive)));
        }
        return new Report(from, to, lateAfter.toMillis(), AiQualityFigures.counts(runs, lateAfter),
                AiQualityFigures.accuracy(runs, decisions));
    }
}

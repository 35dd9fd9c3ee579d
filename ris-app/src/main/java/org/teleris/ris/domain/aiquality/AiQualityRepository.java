package org.teleris.ris.domain.aiquality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AiQualityRepository {

    void add(AiRun run);

    List<AiRun> runsBetween(Instant from, Instant to);

    Optional<ReferenceDecision> decision(String caseId, AiStage stage);

    void add(ReferenceDecision decision);

    /** Decisions on the given cases, for the stage. */
    List<ReferenceDecision> decisionsFor(AiStage stage, List<String> caseIds);
}

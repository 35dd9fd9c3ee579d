package org.teleris.ris.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.teleris.ris.domain.workload.CaseFact;

/** Port to the triage context: the facts of the cases submitted in a period, and the time limit. */
public interface TriageFacts {

    /** Oldest first, at most {@link #maxCases()}. */
    List<CaseFact> casesSubmitted(Instant from, Instant to);

    int maxCases();

    Duration timeLimit();
}

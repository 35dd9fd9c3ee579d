package org.teleris.ris.infrastructure.concurrency;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import org.teleris.consult.infrastructure.ai.StudyAiRunner;
import org.teleris.triage.infrastructure.AiPrescreenRunner;

/**
 * Stage I's preview prescreen and stage II's study AI each get a pool of their own. They once shared
 * the container's 16 asynchronous-EJB threads, and 40 queued study runs held a preview's note back
 * until 24 of them had finished. Two slots each: the models analyse one input at a time, the second
 * slot reads or stores meanwhile.
 */
@ManagedExecutorDefinition(name = AiPrescreenRunner.EXECUTOR, maxAsync = 2)
@ManagedExecutorDefinition(name = StudyAiRunner.EXECUTOR, maxAsync = 2)
@ApplicationScoped
public class ManagedExecutors {
}

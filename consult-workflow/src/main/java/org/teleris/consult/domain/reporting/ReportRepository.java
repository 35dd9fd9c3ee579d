package org.teleris.consult.domain.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reports with their versions and history. */
public interface ReportRepository {

    void add(ConsultReport report);

    Optional<ConsultReport> find(String id);

    /** Locked until the transaction ends: commands on one report run one after the other. */
    Optional<ConsultReport> findForUpdate(String id);

    /** The report of a case's study (a study sent for two cases has one report each). */
    Optional<ConsultReport> findByCaseAndStudy(String caseId, String studyInstanceUid);

    /** Not yet delivered, earliest due first. */
    List<ConsultReport> open(int limit);

    /** Delivered ones, newest first; {@code organisationId} null means all. */
    List<ConsultReport> delivered(String organisationId, int limit);

    /** Open, past due and not yet marked, unlocked: lock each and check again. */
    List<ConsultReport> dueUnmarkedBefore(Instant now, int limit);

    long breachCount();

    /** Received in [{@code from}, {@code to}), oldest first: the workload dashboard's stage II figures. */
    List<ConsultReport> receivedBetween(Instant from, Instant to, int limit);

    /** Versions signed or second-read in [{@code from}, {@code to}), of any report: per-expert load. */
    List<ReportVersion> versionsActiveBetween(Instant from, Instant to, int limit);

    void addVersion(ReportVersion version);

    List<ReportVersion> versions(String reportId);

    void addHistory(ReportHistoryEntry entry);

    List<ReportHistoryEntry> history(String reportId);
}

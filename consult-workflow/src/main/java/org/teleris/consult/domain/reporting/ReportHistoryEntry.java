package org.teleris.consult.domain.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Who gave which reporting command and when; detail is structured (version, new holder), never report text. */
@Entity
@Table(name = "report_history")
public class ReportHistoryEntry {

    public static final String RECEIVED = "RECEIVE";
    public static final String BREACHED = "BREACH";

    @Id
    private String id;

    @Column(name = "report_id", nullable = false)
    private String reportId;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    @Column(name = "resulting_state", nullable = false)
    private String resultingState;

    @Column
    private String detail;

    protected ReportHistoryEntry() {
    }

    public ReportHistoryEntry(ConsultReport report, String actorName, String action, String detail, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.reportId = report.id();
        this.happenedAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.actorName = actorName;
        this.action = action;
        this.resultingState = report.state().name();
        this.detail = detail;
    }

    public Instant happenedAt() {
        return happenedAt;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String resultingState() {
        return resultingState;
    }

    public String detail() {
        return detail;
    }
}

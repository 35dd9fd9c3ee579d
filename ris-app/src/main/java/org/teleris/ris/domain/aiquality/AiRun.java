package org.teleris.ris.domain.aiquality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** One AI result, as numbers: kept for ever so that quality counters survive restarts. */
@Entity
@Table(name = "ai_run")
public class AiRun {

    public static final String COMPLETED = "COMPLETED";
    public static final String NOT_ANALYSABLE = "NOT_ANALYSABLE";
    public static final String DEFECT = "TECHNOLOGICAL_DEFECT";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AiStage stage;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(name = "model_id")
    private String modelId;

    @Column(name = "model_version")
    private String modelVersion;

    @Column(nullable = false)
    private String kind;

    private String defect;

    private Double probability;

    @Column(name = "ct_class")
    private String ctClass;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AiRun() {
    }

    public AiRun(AiStage stage, String caseId, String organisationId, String modelId, String modelVersion, String kind,
                 String defect, Double probability, String ctClass, long durationMillis, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.stage = Objects.requireNonNull(stage, "stage");
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
        this.modelId = modelId == null ? "unknown" : modelId;
        this.modelVersion = modelVersion;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.defect = defect;
        // a completed result without a usable probability is itself malformed output
        boolean usable = probability != null && probability >= 0 && probability <= 1;
        if (COMPLETED.equals(kind) && !usable) {
            this.kind = DEFECT;
            this.defect = "MALFORMED";
        }
        this.probability = usable ? probability : null;
        this.ctClass = ctClass;
        this.durationMillis = Math.max(0, durationMillis);
        this.createdAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Completed, but later than the configured limit: counted as a (late) defect, still scored. */
    public boolean isLate(Duration limit) {
        return durationMillis > limit.toMillis();
    }

    public boolean isScorable() {
        return COMPLETED.equals(kind) && probability != null;
    }

    public String id() {
        return id;
    }

    public AiStage stage() {
        return stage;
    }

    public String caseId() {
        return caseId;
    }

    public String organisationId() {
        return organisationId;
    }

    public String modelId() {
        return modelId;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String kind() {
        return kind;
    }

    public String defect() {
        return defect;
    }

    public Double probability() {
        return probability;
    }

    public String ctClass() {
        return ctClass;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

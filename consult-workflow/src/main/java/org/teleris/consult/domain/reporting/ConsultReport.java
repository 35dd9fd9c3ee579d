package org.teleris.consult.domain.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The expert report on one received study, from worklist item to delivery: the aggregate root of
 * stage II reporting. Commands are checked by {@link ReportStateMachine}, then by who gives them.
 * Signed content lives in {@link ReportVersion}s, which are never edited.
 */
@Entity
@Table(name = "consult_report")
public class ConsultReport {

    @Id
    private String id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "upload_session_id")
    private String uploadSessionId;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(name = "organisation_name")
    private String organisationName;

    @Column(name = "study_instance_uid", nullable = false)
    private String studyInstanceUid;

    @Column(name = "series_count", nullable = false)
    private int seriesCount;

    @Column(name = "instance_count", nullable = false)
    private int instanceCount;

    @Column(length = ReportDraft.MAX_TEXT)
    private String question;

    @Column
    private String modality;

    @Column(name = "body_part")
    private String bodyPart;

    @Column(name = "temperature_c")
    private Double temperatureC;

    @Column(name = "respiratory_rate")
    private Integer respiratoryRate;

    @Column
    private Integer spo2;

    @Column(name = "pao2_fio2")
    private Integer pao2Fio2;

    @Column(name = "days_since_onset")
    private Integer daysSinceOnset;

    @Column
    private String symptoms;

    @Column(name = "pcr_result")
    private String pcr;

    @Column(name = "epidemiological_contact")
    private Boolean epidemiologicalContact;

    @Column(name = "ai_summary", length = 1000)
    private String aiSummary;

    @Enumerated(EnumType.STRING)
    @Column(name = "ai_class")
    private CtClass aiClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "case_type", nullable = false)
    private CaseType caseType;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportState state;

    @Column(name = "holder_user_id")
    private String holderUserId;

    @Column(name = "holder_name")
    private String holderName;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Embedded
    private ReportContent draft;

    @Column(name = "version_count", nullable = false)
    private int versionCount;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected ConsultReport() {
    }

    /** A received study enters the worklist, with its priority and due time. */
    public static ConsultReport receive(StudyContext study, ReportingTimeLimits limits, SeverityRules rules,
                                        Instant now) {
        ConsultReport r = new ConsultReport();
        r.id = UUID.randomUUID().toString();
        r.caseId = study.caseId();
        r.uploadSessionId = study.uploadSessionId();
        r.organisationId = study.organisationId();
        r.organisationName = study.organisationName();
        r.studyInstanceUid = study.studyInstanceUid();
        r.seriesCount = study.seriesCount();
        r.instanceCount = study.instanceCount();
        r.question = study.question();
        r.modality = study.modality();
        r.bodyPart = study.bodyPart();
        ClinicalPicture c = study.clinical();
        r.temperatureC = c.temperatureC();
        r.respiratoryRate = c.respiratoryRate();
        r.spo2 = c.spo2();
        r.pao2Fio2 = c.pao2Fio2();
        r.symptoms = c.symptoms().isEmpty() ? null
                : EnumSet.copyOf(c.symptoms()).stream().map(Enum::name).collect(Collectors.joining(","));
        r.epidemiologicalContact = c.epidemiologicalContact();
        r.daysSinceOnset = study.daysSinceOnset();
        r.pcr = study.pcr();
        CtClass clinicalClass = rules.clinicalClassOf(c);
        r.priority = clinicalClass != null && !CtClass.CT3.moreSevereThan(clinicalClass) ? Priority.URGENT
                : Priority.ROUTINE;
        r.caseType = CaseType.of(study.modality(), study.bodyPart());
        r.receivedAt = now.truncatedTo(ChronoUnit.MILLIS);
        r.dueAt = limits.dueAt(r.priority, r.caseType, r.receivedAt);
        r.state = ReportState.WAITING;
        r.draft = ReportContent.of(ReportDraft.EMPTY);
        return r;
    }

    /** The AI's estimate for this study, shown to the expert; never decides anything. */
    public void noteAiResult(String summary, CtClass ctClass) {
        this.aiSummary = summary;
        this.aiClass = ctClass;
    }

    public void claim(Actor expert, Instant now) {
        ReportState next = ReportStateMachine.next(state, ReportCommand.CLAIM);
        requireExpert(expert, "only an expert radiologist claims a study");
        state = next;
        hold(expert, now);
    }

    public void release(Actor actor) {
        ReportState next = ReportStateMachine.next(state, ReportCommand.RELEASE);
        requireHolderOrAdmin(actor);
        state = next;
        holderUserId = null;
        holderName = null;
        claimedAt = null;
    }

    /** An expert or an administrator hands the study to an expert (the holder or anyone while it waits). */
    public void assign(Actor actor, Actor to, Instant now) {
        ReportState next = ReportStateMachine.next(state, ReportCommand.ASSIGN);
        if (state == ReportState.WAITING) {
            if (!actor.expert() && actor.kind() != Actor.Kind.ADMIN) {
                throw new ReportNotPermittedException("only an expert or an administrator assigns a study");
            }
        } else {
            requireHolderOrAdmin(actor);
        }
        requireExpert(to, "a study can only be assigned to an expert radiologist");
        if (to.userId().equals(holderUserId)) {
            throw new ReportNotPermittedException("the study is already held by " + to.displayName());
        }
        state = next;
        hold(to, now);
    }

    public void saveDraft(Actor actor, ReportDraft content) {
        ReportStateMachine.next(state, ReportCommand.SAVE_DRAFT);
        requireHolder(actor);
        draft = ReportContent.of(Objects.requireNonNull(content, "content"));
    }

    /**
     * Signs the current draft as a new version. Needs a class and a conclusion, and a comment when the
     * class differs from the proposal or from the AI. CT-1..CT-4 wait for a second reader; CT-0 is delivered.
     */
    public ReportVersion sign(Actor actor, SeverityRules rules, Instant now) {
        ReportStateMachine.targets(state, ReportCommand.SIGN);
        requireHolder(actor);
        ReportDraft d = draft.toDraft();
        if (d.ctClass() == null) {
            throw new ReportIncompleteException("choose a CT class before signing");
        }
        if (d.conclusion() == null) {
            throw new ReportIncompleteException("write a conclusion before signing");
        }
        SeverityProposal proposal = proposal(rules);
        boolean disagreesProposal = d.ctClass() != proposal.proposed();
        boolean disagreesAi = aiClass != null && d.ctClass() != aiClass;
        if ((disagreesProposal || disagreesAi) && d.disagreementComment() == null) {
            throw new ReportIncompleteException("the class " + d.ctClass() + " differs from the "
                    + (disagreesProposal ? "proposal (" + proposal.proposed() + ")" : "AI (" + aiClass + ")")
                    + ": say why in the disagreement comment");
        }
        ReportState next = d.ctClass().needsSecondRead() ? ReportState.AWAITING_SECOND_READ : ReportState.DELIVERED;
        state = ReportStateMachine.next(state, ReportCommand.SIGN, next);
        versionCount++;
        if (next == ReportState.DELIVERED) {
            deliveredAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
        return ReportVersion.signed(id, versionCount, d, proposal.proposed(), aiClass, actor, now);
    }

    /**
     * A different expert reads the signed version: agreeing delivers it, disagreeing (with a comment)
     * sends it back to the first reader.
     */
    public void secondRead(Actor reader, ReportVersion signed, boolean agrees, String comment, Instant now) {
        ReportState next = ReportStateMachine.next(state,
                agrees ? ReportCommand.SECOND_READ_AGREE : ReportCommand.SECOND_READ_DISAGREE);
        requireExpert(reader, "only an expert radiologist gives a second read");
        if (signed.number() != versionCount || signed.kind() != ReportVersion.Kind.REPORT) {
            throw new IllegalStateException("second read of a version that is not the latest signed one");
        }
        if (reader.userId().equals(signed.signedByUserId())) {
            throw new ReportNotPermittedException("the second reader must be another expert than the first reader");
        }
        String text = ReportDraft.text(comment, "the comment");
        if (!agrees && text == null) {
            throw new ReportIncompleteException("say why you disagree: the comment goes back to the first reader");
        }
        signed.recordSecondRead(reader, agrees, text, now);
        state = next;
        if (agrees) {
            deliveredAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** After delivery, corrections and additions are addenda, signed and kept next to the versions. */
    public ReportVersion addAddendum(Actor expert, String text, Instant now) {
        ReportStateMachine.next(state, ReportCommand.ADD_ADDENDUM);
        requireExpert(expert, "only an expert radiologist adds an addendum");
        String body = ReportDraft.text(text, "the addendum");
        if (body == null) {
            throw new ReportIncompleteException("the addendum must not be blank");
        }
        versionCount++;
        return ReportVersion.addendum(id, versionCount, body, expert, now);
    }

    /** @return true the first time the report is found past its due time while not delivered */
    public boolean markBreached(Instant now) {
        if (breachedAt != null || state == ReportState.DELIVERED || !now.isAfter(dueAt)) {
            return false;
        }
        breachedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return true;
    }

    public boolean overdue(Instant now) {
        return state != ReportState.DELIVERED ? now.isAfter(dueAt) : deliveredAt.isAfter(dueAt);
    }

    /** The rules' proposal for the current draft and the case's clinical data. */
    public SeverityProposal proposal(SeverityRules rules) {
        return rules.propose(draft.toDraft().imaging(), clinicalPicture());
    }

    public ConfirmedCaseCheck.Result confirmedCase(ConfirmedCaseCheck check) {
        return check.check(clinicalPicture(), draft.toDraft().imaging());
    }

    public ClinicalPicture clinicalPicture() {
        ReportDraft d = draft.toDraft();
        Set<Symptom> s = symptoms == null ? Set.of() : Arrays.stream(symptoms.split(",")).map(Symptom::valueOf)
                .collect(Collectors.toSet());
        return new ClinicalPicture(temperatureC, respiratoryRate, spo2, pao2Fio2, s, epidemiologicalContact,
                d.shock(), d.multipleOrganFailure(), d.respiratoryFailure(), d.otherCauseKnown());
    }

    private void requireExpert(Actor actor, String message) {
        if (!actor.expert()) {
            throw new ReportNotPermittedException(message);
        }
    }

    private void requireHolder(Actor actor) {
        if (!actor.userId().equals(holderUserId)) {
            throw new ReportNotPermittedException("only the expert holding the study (" + holderName + ") does this");
        }
    }

    private void requireHolderOrAdmin(Actor actor) {
        if (actor.kind() != Actor.Kind.ADMIN && !actor.userId().equals(holderUserId)) {
            throw new ReportNotPermittedException("only the expert holding the study or an administrator does this");
        }
    }

    private void hold(Actor expert, Instant now) {
        holderUserId = expert.userId();
        holderName = expert.displayName();
        claimedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() { return id; }
    public String caseId() { return caseId; }
    public String uploadSessionId() { return uploadSessionId; }
    public String organisationId() { return organisationId; }
    public String organisationName() { return organisationName; }
    public String studyInstanceUid() { return studyInstanceUid; }
    public int seriesCount() { return seriesCount; }
    public int instanceCount() { return instanceCount; }
    public String question() { return question; }
    public String modality() { return modality; }
    public String bodyPart() { return bodyPart; }
    public Integer daysSinceOnset() { return daysSinceOnset; }
    public String pcr() { return pcr; }
    public Optional<String> aiSummary() { return Optional.ofNullable(aiSummary); }
    public CtClass aiClass() { return aiClass; }
    public Priority priority() { return priority; }
    public CaseType caseType() { return caseType; }
    public Instant receivedAt() { return receivedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant breachedAt() { return breachedAt; }
    public ReportState state() { return state; }
    public String holderUserId() { return holderUserId; }
    public String holderName() { return holderName; }
    public Instant claimedAt() { return claimedAt; }
    public ReportDraft draft() { return draft.toDraft(); }
    public int versionCount() { return versionCount; }
    public Instant deliveredAt() { return deliveredAt; }
}

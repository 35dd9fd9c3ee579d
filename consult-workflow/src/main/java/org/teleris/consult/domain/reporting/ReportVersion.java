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
import java.util.UUID;

/**
 * One signed version of a report, or an addendum to a delivered one: written once, never edited.
 * Only the second reader's verdict is added to a signed version, once.
 */
@Entity
@Table(name = "report_version")
public class ReportVersion {

    public enum Kind { REPORT, ADDENDUM }

    @Id
    private String id;

    @Column(name = "report_id", nullable = false)
    private String reportId;

    @Column(name = "version_number", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Embedded
    private ReportContent content;

    @Column(name = "addendum_text", length = ReportDraft.MAX_TEXT)
    private String addendumText;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_class")
    private CtClass proposedClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "ai_class")
    private CtClass aiClass;

    @Column(name = "disagrees_with_proposal")
    private Boolean disagreesWithProposal;

    @Column(name = "disagrees_with_ai")
    private Boolean disagreesWithAi;

    @Column(name = "signed_by_user_id", nullable = false)
    private String signedByUserId;

    @Column(name = "signed_by_name", nullable = false)
    private String signedByName;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "second_reader_user_id")
    private String secondReaderUserId;

    @Column(name = "second_reader_name")
    private String secondReaderName;

    @Column(name = "second_read_at")
    private Instant secondReadAt;

    @Column(name = "second_read_agrees")
    private Boolean secondReadAgrees;

    @Column(name = "second_read_comment", length = ReportDraft.MAX_TEXT)
    private String secondReadComment;

    protected ReportVersion() {
    }

    static ReportVersion signed(String reportId, int number, ReportDraft draft, CtClass proposed, CtClass ai,
                                Actor signer, Instant now) {
        ReportVersion v = base(reportId, number, Kind.REPORT, signer, now);
        v.content = ReportContent.of(draft);
        v.proposedClass = proposed;
        v.aiClass = ai;
        v.disagreesWithProposal = draft.ctClass() != proposed;
        v.disagreesWithAi = ai != null && draft.ctClass() != ai;
        return v;
    }

    static ReportVersion addendum(String reportId, int number, String text, Actor author, Instant now) {
        ReportVersion v = base(reportId, number, Kind.ADDENDUM, author, now);
        v.addendumText = text;
        return v;
    }

    private static ReportVersion base(String reportId, int number, Kind kind, Actor who, Instant now) {
        ReportVersion v = new ReportVersion();
        v.id = UUID.randomUUID().toString();
        v.reportId = reportId;
        v.number = number;
        v.kind = kind;
        v.signedByUserId = who.userId();
        v.signedByName = who.displayName();
        v.signedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return v;
    }

    void recordSecondRead(Actor reader, boolean agrees, String comment, Instant now) {
        if (secondReadAt != null) {
            throw new IllegalStateException("version " + number + " already has a second read");
        }
        secondReaderUserId = reader.userId();
        secondReaderName = reader.displayName();
        secondReadAt = now.truncatedTo(ChronoUnit.MILLIS);
        secondReadAgrees = agrees;
        secondReadComment = comment;
    }

    public String id() {
        return id;
    }

    public String reportId() {
        return reportId;
    }

    public int number() {
        return number;
    }

    public Kind kind() {
        return kind;
    }

    public ReportDraft content() {
        return content == null || kind == Kind.ADDENDUM ? null : content.toDraft();
    }

    public String addendumText() {
        return addendumText;
    }

    public CtClass proposedClass() {
        return proposedClass;
    }

    public CtClass aiClass() {
        return aiClass;
    }

    public boolean disagreesWithProposal() {
        return Boolean.TRUE.equals(disagreesWithProposal);
    }

    public boolean disagreesWithAi() {
        return Boolean.TRUE.equals(disagreesWithAi);
    }

    public String signedByUserId() {
        return signedByUserId;
    }

    public String signedByName() {
        return signedByName;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String secondReaderName() {
        return secondReaderName;
    }

    public Instant secondReadAt() {
        return secondReadAt;
    }

    public Boolean secondReadAgrees() {
        return secondReadAgrees;
    }

    public String secondReadComment() {
        return secondReadComment;
    }
}

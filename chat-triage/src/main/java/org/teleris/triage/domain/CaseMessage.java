package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One message of a case's chat between the requesting clinic and the consultant holding the case. */
@Entity
@Table(name = "case_message")
public class CaseMessage {

    @Id
    private String id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "author_user_id", nullable = false)
    private String authorUserId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_role", nullable = false)
    private Participant.Role authorRole;

    @Column(nullable = false, length = TriageCase.MAX_TEXT_LENGTH)
    private String text;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    /** A picture that goes with the message (the AI heat map), stored as a preview of the case. */
    @Column(name = "attachment_preview_id")
    private String attachmentPreviewId;

    /** The stage II expert report this message announces (the page links to it), or null. */
    @Column(name = "report_id")
    private String reportId;

    /** Name of the reference centre as author of report notes. */
    public static final String REPORT_AUTHOR = "Reference centre";

    /** Name of the AI author in every language the service speaks. */
    public static final String AI_AUTHOR = "AI prescreen";

    protected CaseMessage() {
    }

    /** Only through {@link TriageCase#checkMayPostMessage}: the case decides who may write. */
    public static CaseMessage post(TriageCase triageCase, Participant author, String text, Instant now) {
        return post(triageCase, author, text, null, now);
    }

    /**
     * A message with an image (a sanitised preview attached to the case by the caller); the
     * caption may then be empty.
     */
    public static CaseMessage post(TriageCase triageCase, Participant author, String text, Preview attachment,
                                   Instant now) {
        triageCase.checkMayPostMessage(author);
        CaseMessage message = new CaseMessage();
        message.id = UUID.randomUUID().toString();
        message.caseId = triageCase.id();
        message.authorUserId = author.userId();
        message.authorName = author.displayName();
        message.authorRole = author.role();
        if (attachment == null) {
            message.text = TriageCase.requireText(text, "the message");
        } else {
            message.text = text == null || text.isBlank() ? "" : TriageCase.requireText(text, "the caption");
            attachment.attachTo(triageCase, author);
            message.attachmentPreviewId = attachment.id();
        }
        message.postedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return message;
    }

    /**
     * The AI's note in the case's chat. It only informs: it goes through no command, so it can
     * never change the case's state; the decision stays with the doctors.
     */
    public static CaseMessage fromPrescreen(TriageCase triageCase, String text, String attachmentPreviewId,
                                            Instant now) {
        CaseMessage message = new CaseMessage();
        message.id = UUID.randomUUID().toString();
        message.caseId = triageCase.id();
        message.authorUserId = "ai-prescreen";
        message.authorName = AI_AUTHOR;
        message.authorRole = Participant.Role.AI;
        message.text = text.length() > TriageCase.MAX_TEXT_LENGTH ? text.substring(0, TriageCase.MAX_TEXT_LENGTH) : text;
        message.attachmentPreviewId = attachmentPreviewId;
        message.postedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return message;
    }

    /**
     * The reference centre's note that an expert report (or an addendum) was delivered, with the
     * report's id for the link. Like the AI's note it goes through no command and changes no state.
     */
    public static CaseMessage reportDelivered(TriageCase triageCase, String reportId, String text, Instant now) {
        CaseMessage message = new CaseMessage();
        message.id = UUID.randomUUID().toString();
        message.caseId = triageCase.id();
        message.authorUserId = "reference-centre";
        message.authorName = REPORT_AUTHOR;
        message.authorRole = Participant.Role.EXPERT;
        message.text = TriageCase.requireText(text, "the report note");
        message.reportId = java.util.Objects.requireNonNull(reportId, "reportId");
        message.postedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return message;
    }

    public String reportId() {
        return reportId;
    }

    public String attachmentPreviewId() {
        return attachmentPreviewId;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String authorName() {
        return authorName;
    }

    public Participant.Role authorRole() {
        return authorRole;
    }

    public String text() {
        return text;
    }

    public Instant postedAt() {
        return postedAt;
    }
}

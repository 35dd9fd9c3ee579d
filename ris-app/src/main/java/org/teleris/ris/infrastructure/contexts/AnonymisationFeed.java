package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.teleris.consult.application.dicomweb.StudyQueries;
import org.teleris.consult.domain.intake.InstanceIngested;
import org.teleris.ris.application.AnonymisationAudit;
import org.teleris.ris.application.StoredObjects;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord;
import org.teleris.triage.application.PreviewUploads;
import org.teleris.triage.domain.PreviewUploaded;

/**
 * Feeds the anonymisation audit from both contexts (every preview, chat image and study instance,
 * accepted or refused), and reads stored objects back for re-verification.
 */
@ApplicationScoped
public class AnonymisationFeed implements StoredObjects {

    @Inject
    AnonymisationAudit audit;

    @Inject
    PreviewUploads previews;

    @Inject
    StudyQueries studies;

    @Inject
    Clock clock;

    void preview(@Observes PreviewUploaded e) {
        audit.record(new AnonymisationRecord(AnonymisationRecord.ObjectKind.PREVIEW, "BROWSER", e.previewId(), null, null,
                e.organisationId(), e.uploaderUsername(), clock.instant(), e.kind(), e.sizeBytes(),
                e.accepted() ? "ACCEPTED" : "REJECTED", e.rejectionCode(), e.reason(), e.reportJson()));
    }

    void instance(@Observes InstanceIngested e) {
        String outcome = "STORED".equals(e.status()) ? "ACCEPTED" : e.status();
        audit.record(new AnonymisationRecord(AnonymisationRecord.ObjectKind.STUDY_INSTANCE, e.channel(),
                e.sopInstanceUid(), e.uploadSessionId(), e.caseId(), e.organisationId(), e.sender(), clock.instant(),
                "DICOM", e.sizeBytes(), outcome, e.reasonCode(), e.reason(), e.reportJson()));
    }

    @Override
    public Stored preview(String previewId) {
        PreviewUploads.Content content = previews.forAudit(previewId);
        return new Stored(content.bytes(), content.mediaType());
    }

    @Override
    public Stored studyInstance(String sopInstanceUid) {
        try {
            return new Stored(Files.readAllBytes(studies.fileForAudit(sopInstanceUid)), "application/dicom");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

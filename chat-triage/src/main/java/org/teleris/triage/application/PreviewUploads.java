package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.Preview;
import org.teleris.triage.domain.PreviewRepository;
import org.teleris.triage.domain.PreviewUploaded;

/**
 * A doctor's preview upload: sanitised first, only the sanitised bytes stored, the upload (or its
 * refusal) reported for the anonymisation audit.
 */
@ApplicationScoped
public class PreviewUploads {

    @Inject
    PreviewSanitizing sanitizing;

    @Inject
    PreviewStore store;

    @Inject
    PreviewRepository previews;

    @Inject
    Event<PreviewUploaded> uploaded;

    @Inject
    PreviewRendering rendering;

    @Inject
    Clock clock;

    /** A preview as the pages see it, with the anonymiser's report. */
    public record PreviewView(String id, String caseId, String kind, String mediaType, long sizeBytes,
                              String report) {
        public static PreviewView of(Preview p) {
            return new PreviewView(p.id(), p.caseId(), p.kind(), p.mediaType(), p.sizeBytes(), p.report());
        }
    }

    /** The content of a preview, for display. */
    public record Content(byte[] bytes, String mediaType) {
    }

    @Transactional(dontRollbackOn = PreviewSanitizing.RefusedException.class)
    public PreviewView upload(Participant doctor, byte[] content, String untrustedFileName)
            throws PreviewSanitizing.RefusedException {
        PreviewSanitizing.Sanitized sanitized;
        try {
            sanitized = sanitizing.sanitize(content, untrustedFileName, doctor.organisationId());
        } catch (PreviewSanitizing.RefusedException refused) {
            uploaded.fire(new PreviewUploaded(null, doctor.organisationId(), doctor.username(), null, content.length,
                    false, refused.code(), null, null, refused.getMessage()));
            throw refused;
        }
        Preview preview = new Preview(doctor, sanitized.kind(), sanitized.mediaType(), sanitized.bytes().length,
                sanitized.reportJson(), clock.instant());
        try {
            store.write(preview.id(), sanitized.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the preview could not be stored", e);
        }
        previews.add(preview);
        uploaded.fire(new PreviewUploaded(preview.id(), doctor.organisationId(), doctor.username(), preview.kind(),
                preview.sizeBytes(), true, null, preview.mediaType(), preview.report(), null));
        return PreviewView.of(preview);
    }

    @Transactional
    public PreviewView describe(Participant reader, String previewId) {
        return PreviewView.of(visible(reader, previewId));
    }

    @Transactional
    public Content content(Participant reader, String previewId) {
        Preview preview = visible(reader, previewId);
        try {
            return new Content(store.read(preview.id()), preview.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException("the preview's stored content is missing", e);
        }
    }

    /** What a page shows for a preview: DICOM rendered to PNG, still images as stored. */
    @Transactional
    public Content rendered(Participant reader, String previewId) {
        Content stored = content(reader, previewId);
        if ("application/dicom".equals(stored.mediaType())) {
            return new Content(rendering.png(stored.bytes()), "image/png");
        }
        if (stored.mediaType().startsWith("image/")) {
            return stored;
        }
        throw new IllegalArgumentException("a " + stored.mediaType() + " preview has no still rendering; play its content");
    }

    /** The stored bytes for the admin's re-verification (no reader check: the admin audits every tenant). */
    @Transactional
    public Content forAudit(String previewId) {
        Preview preview = previews.find(previewId).orElseThrow(() -> new PreviewNotFoundException(previewId));
        try {
            return new Content(store.read(preview.id()), preview.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException("the preview's stored content is missing", e);
        }
    }

    private Preview visible(Participant reader, String previewId) {
        return previews.find(previewId).filter(p -> p.isVisibleTo(reader))
                .orElseThrow(() -> new PreviewNotFoundException(previewId));
    }
}

package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.teleris.anonymizer.application.PreviewSanitizer;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.PreviewRejectedException;
import org.teleris.anonymizer.domain.SanitizedPreview;
import org.teleris.anonymizer.interfaces.Json;
import org.teleris.triage.application.PreviewSanitizing;
import org.teleris.triage.application.TenantSecrets;

/** Stage I previews through the anonymizer library: Tika allow-list, re-encoding, OCR masking. */
@ApplicationScoped
public class AnonymizerPreviewSanitizing implements PreviewSanitizing {

    private final PreviewSanitizer sanitizer = new PreviewSanitizer();

    @Inject
    TenantSecrets secrets;

    @Override
    public Sanitized sanitize(byte[] content, String untrustedFileName, String organisationId)
            throws RefusedException {
        try {
            SanitizedPreview preview = sanitizer.sanitize(content, untrustedFileName,
                    new OrganisationSecret(secrets.secretFor(organisationId)));
            return new Sanitized(preview.bytes(), preview.report().kind().name(), preview.mediaType(),
                    Json.write(preview.report()));
        } catch (PreviewRejectedException e) {
            throw new RefusedException(e.code().name(), e.rejection().message());
        } catch (IOException e) {
            // The content was acceptable but a tool (ffmpeg, tesseract) failed: the server's fault.
            throw new UncheckedIOException("preview sanitising failed", e);
        }
    }
}

package org.teleris.consult.infrastructure.intake;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.teleris.anonymizer.application.DeidentifiedFileVerifier;
import org.teleris.anonymizer.application.DicomDeidentifier;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.interfaces.Json;
import org.teleris.consult.application.intake.DeidentificationSecrets;
import org.teleris.consult.application.intake.InstanceDeidentification;

/**
 * The anonymizer library as stage II's de-identification: instances that declare
 * PatientIdentityRemoved=YES are verified as sent (the clinic's own de-identification, e.g. the
 * command-line uploader, keeps its UIDs); every other is de-identified with the organisation's
 * secret. Files are held in memory while processed (CT and MR slices; see docs/intake.md).
 */
@ApplicationScoped
public class AnonymizerInstanceDeidentification implements InstanceDeidentification {

    /** Larger single files are refused rather than risk the heap (multi-frame cine of gigabytes). */
    static final long MAX_INSTANCE_BYTES = 256L * 1024 * 1024;

    private final DicomDeidentifier deidentifier = new DicomDeidentifier();
    private final DeidentifiedFileVerifier verifier = new DeidentifiedFileVerifier();

    @Inject
    DeidentificationSecrets secrets;

    @Override
    public Prepared prepare(Path received, String organisationId) {
        byte[] bytes;
        try {
            if (Files.size(received) > MAX_INSTANCE_BYTES) {
                return new Refused("TOO_LARGE", "A single instance may be at most "
                        + MAX_INSTANCE_BYTES / (1024 * 1024) + " MB.", null);
            }
            bytes = Files.readAllBytes(received);
        } catch (IOException e) {
            return new Refused("UNREADABLE", "The received file could not be read.", null);
        }
        boolean declared;
        try {
            declared = PixelMedHeaders.declaresIdentityRemoved(PixelMedHeaders.read(bytes));
        } catch (IOException | DicomException | RuntimeException e) {
            // not even a header: the de-identifier names the problem precisely
            declared = false;
        }
        try {
            return declared ? verified(bytes) : deidentified(bytes, organisationId);
        } catch (InstanceRejectedException rejected) {
            return new Refused(rejected.rejection().code().name(), rejected.rejection().message(),
                    Json.write(rejected.report()));
        } catch (IOException | DicomException | RuntimeException e) {
            return new Refused("UNREADABLE_DICOM", "The file is not a readable DICOM instance ("
                    + e.getClass().getSimpleName() + ").", null);
        }
    }

    @Override
    public Accepted generatedByServer(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new Accepted(bytes, PixelMedHeaders.header(PixelMedHeaders.read(bytes)), true,
                    "{\"generatedBy\":\"server AI\",\"label\":\"For Research Purposes Only\"}");
        } catch (DicomException e) {
            throw new IOException("the generated instance is not readable DICOM", e);
        }
    }

    private Prepared deidentified(byte[] bytes, String organisationId)
            throws InstanceRejectedException, IOException, DicomException {
        DicomDeidentifier.DeidentifiedBytes out = deidentifier.deidentify(bytes,
                new OrganisationSecret(secrets.secretFor(organisationId)), DeidentificationOptions.serverDefaults());
        return accepted(out.bytes(), false, out.report());
    }

    private Prepared verified(byte[] bytes) throws IOException, DicomException {
        InstanceReport report = verifier.verify(bytes);
        if (report.outcome() == Outcome.REJECTED) {
            String code = report.rejection() == null ? "RESIDUAL_PHI" : report.rejection().code().name();
            String message = report.rejection() == null ? "The instance still holds identifying data."
                    : report.rejection().message();
            return new Refused(code, message, Json.write(report));
        }
        return accepted(bytes, true, report);
    }

    private static Prepared accepted(byte[] bytes, boolean already, InstanceReport report)
            throws IOException, DicomException {
        AttributeList header = PixelMedHeaders.read(bytes);
        return new Accepted(bytes, PixelMedHeaders.header(header), already, Json.write(report));
    }
}

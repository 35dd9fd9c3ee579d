package org.teleris.consult.infrastructure.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.teleris.anonymizer.application.DeidentifiedFileVerifier;
import org.teleris.anonymizer.application.DicomDeidentifier;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.HeaderValues;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.interfaces.Json;
import org.teleris.consult.application.intake.DeidentificationSecrets;
import org.teleris.consult.application.intake.InstanceDeidentification;
import org.teleris.consult.domain.intake.InstanceHeader;

/**
 * The anonymizer library as stage II's de-identification: instances that declare
 * PatientIdentityRemoved=YES are verified as sent (the clinic's own de-identification, e.g. the
 * command-line uploader, keeps its UIDs); every other is de-identified with the organisation's
 * secret. The received file is streamed from disk: only the attributes before the pixel data are
 * parsed, and the pixel element is copied file to file by the anonymizer (see docs/intake.md).
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
    public Prepared prepare(Path received, String organisationId, Path output) {
        try {
            if (Files.size(received) > MAX_INSTANCE_BYTES) {
                return new Refused("TOO_LARGE", "A single instance may be at most "
                        + MAX_INSTANCE_BYTES / (1024 * 1024) + " MB.", null);
            }
        } catch (IOException e) {
            return new Refused("UNREADABLE", "The received file could not be read.", null);
        }
        DicomDeidentifier.Opened opened;
        try {
            opened = DicomDeidentifier.open(received);
        } catch (IOException | RuntimeException e) {
            // not even a header: the de-identifier names the problem precisely
            opened = null;
        }
        boolean declared = opened != null && InstanceHeaders.declaresIdentityRemoved(opened.header());
        try {
            return declared ? verified(received, opened.header(), output)
                    : deidentified(received, opened, organisationId, output);
        } catch (InstanceRejectedException rejected) {
            return new Refused(rejected.rejection().code().name(), rejected.rejection().message(),
                    Json.write(rejected.report()));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(output);
            return new Refused("UNREADABLE_DICOM", "The file is not a readable DICOM instance ("
                    + e.getClass().getSimpleName() + ").", null);
        }
    }

    @Override
    public Accepted generatedByServer(Path file, Path output) throws IOException {
        Accepted accepted = new Accepted(InstanceHeaders.header(InstanceHeaders.read(file)), true,
                "{\"generatedBy\":\"server AI\",\"label\":\"For Research Purposes Only\"}");
        Files.copy(file, output);
        return accepted;
    }

    /**
     * The anonymizer de-identifies the parse the check above made (the attributes before the pixels), copies the
     * pixel element file to file and hands back the written header's values: the instance is parsed once. A file
     * the check could not read ({@code opened} null) is read by the de-identifier, which names the problem.
     */
    private Prepared deidentified(Path received, DicomDeidentifier.Opened opened, String organisationId, Path output)
            throws InstanceRejectedException, IOException {
        OrganisationSecret secret = new OrganisationSecret(secrets.secretFor(organisationId));
        DeidentificationOptions options = DeidentificationOptions.serverDefaults();
        DicomDeidentifier.Written written = opened == null
                ? deidentifier.deidentifyAndDescribe(received, output, secret, options)
                : deidentifier.deidentifyAndDescribe(opened, output, secret, options);
        return new Accepted(InstanceHeaders.header(written.header()), false, Json.write(written.report()));
    }

    /** Kept as received: the header already parsed is the header of what is stored. */
    private Prepared verified(Path received, HeaderValues header, Path output) throws IOException {
        InstanceReport report = verifier.verify(received);
        if (report.outcome() == Outcome.REJECTED) {
            String code = report.rejection() == null ? "RESIDUAL_PHI" : report.rejection().code().name();
            String message = report.rejection() == null ? "The instance still holds identifying data."
                    : report.rejection().message();
            return new Refused(code, message, Json.write(report));
        }
        InstanceHeader indexed = InstanceHeaders.header(header);
        Files.copy(received, output);
        return new Accepted(indexed, true, Json.write(report));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the caller deletes its output path anyway
        }
    }
}

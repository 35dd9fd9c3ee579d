package org.teleris.anonymizer.application;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teleris.anonymizer.domain.BurnedInTextPolicy;
import org.teleris.anonymizer.domain.ConfidentialityProfile;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.DicomCharsets;
import org.teleris.anonymizer.domain.Finding;
import org.teleris.anonymizer.domain.FindingKind;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.MaskedRegion;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.Rejection;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.domain.ResidualPhiVerifier;
import org.teleris.anonymizer.domain.Tag;
import org.teleris.anonymizer.domain.VerificationResult;
import org.teleris.anonymizer.infrastructure.BurnedInTextCleaner;
import org.teleris.anonymizer.infrastructure.DicomInstance;
import org.teleris.anonymizer.infrastructure.DicomReaders;
import org.teleris.anonymizer.infrastructure.PixelMedInstance;
import org.teleris.anonymizer.infrastructure.PixelDataNotCleanableException;
import org.teleris.anonymizer.infrastructure.TesseractOcr;
import org.teleris.anonymizer.infrastructure.UnreadableDicomException;

/**
 * Server-side verification of an instance that arrives "already anonymised" (source unknown): the profile must have
 * been applied, no private tag outside the safe list, PatientIdentityRemoved=YES, no PHI-shaped values, and no
 * text OCR can find in the pixels of text-prone images. Never throws for content problems: a failed check is an
 * {@link InstanceReport} with outcome REJECTED, findings with tag paths and never values.
 */
public final class DeidentifiedFileVerifier {

    private static final Tag MODALITY = new Tag(0x0008, 0x0060);
    private static final Tag SOP_CLASS = new Tag(0x0008, 0x0016);
    private static final Tag BURNED_IN = new Tag(0x0028, 0x0301);
    private static final Tag CHARSET = new Tag(0x0008, 0x0005);

    private final boolean ownReader;
    private final ConfidentialityProfile profile;
    private final ResidualPhiVerifier verifier;
    private final BurnedInTextCleaner ocr;

    public DeidentifiedFileVerifier() {
        this(ConfidentialityProfile.basic(), new TesseractOcr());
    }

    public DeidentifiedFileVerifier(ConfidentialityProfile profile, TesseractOcr ocr) {
        this(profile, ocr, true);
    }

    /** @param ownReader false: every file is parsed by PixelMed (the reference the own reader is tested against) */
    DeidentifiedFileVerifier(ConfidentialityProfile profile, TesseractOcr ocr, boolean ownReader) {
        this.ownReader = ownReader;
        this.profile = profile;
        this.verifier = new ResidualPhiVerifier(profile);
        this.ocr = new BurnedInTextCleaner(ocr);
    }

    public InstanceReport verify(Path file) throws IOException {
        return verify(ownReaderFirst -> DicomReaders.read(file, ownReaderFirst));
    }

    public InstanceReport verify(InputStream in) throws IOException {
        return verify(in.readAllBytes());
    }

    /** @return outcome VERIFIED, or REJECTED with a {@link Rejection} and the findings */
    public InstanceReport verify(byte[] in) throws IOException {
        return verify(ownReaderFirst -> DicomReaders.read(in, ownReaderFirst));
    }

    /** Opens the input, with the own header reader first or with PixelMed only. */
    private interface Source {
        DicomInstance open(boolean ownReaderFirst) throws UnreadableDicomException, IOException;
    }

    private InstanceReport verify(Source in) throws IOException {
        DicomInstance instance;
        try {
            instance = in.open(ownReader);
        } catch (UnreadableDicomException e) {
            Rejection why = new Rejection(e.notDicomAtAll() ? RejectionCode.NOT_DICOM : RejectionCode.UNREADABLE_DICOM, e.getMessage());
            return report(Outcome.REJECTED, "", "", new VerificationResult(List.of()), List.of(), why);
        }
        List<Finding> findings = new ArrayList<>(verifier.verifyProfileApplied(instance.elementViews(),
                instance.encode().searchableBytes(), DicomCharsets.forSearch(instance.string(CHARSET))).findings());
        List<MaskedRegion> textRegions = List.of();
        String sopClass = instance.string(SOP_CLASS);
        if (instance.hasPixelData() && BurnedInTextPolicy.mustClean(instance.string(MODALITY), sopClass,
                instance.string(BURNED_IN), DeidentificationOptions.of())) {
            try {
                PixelMedInstance decoded = instance instanceof PixelMedInstance p ? p : (PixelMedInstance) in.open(false);
                decoded.loadPixelData();
                textRegions = ocr.findText(decoded);
                if (!textRegions.isEmpty()) {
                    findings.add(new Finding("(7FE0,0010)", FindingKind.BURNED_IN_TEXT,
                            textRegions.size() + " text region(s) found in the pixels"));
                }
            } catch (PixelDataNotCleanableException | UnreadableDicomException e) {
                findings.add(new Finding("(7FE0,0010)", FindingKind.BURNED_IN_TEXT,
                        "pixels of a text-prone image cannot be checked: " + e.getMessage()));
            }
        }
        VerificationResult result = new VerificationResult(findings);
        if (result.passed()) {
            return report(Outcome.VERIFIED, sopClass, instance.transferSyntaxUid(), result, textRegions, null);
        }
        boolean profileProblem = findings.stream().anyMatch(f -> f.kind() == FindingKind.ATTRIBUTE_SHOULD_BE_REMOVED
                || f.kind() == FindingKind.ATTRIBUTE_SHOULD_BE_EMPTY || f.kind() == FindingKind.PRIVATE_NOT_SAFE
                || f.kind() == FindingKind.OVERLAY_OR_CURVE || f.kind() == FindingKind.IDENTITY_NOT_MARKED_REMOVED);
        Rejection why = new Rejection(profileProblem ? RejectionCode.PROFILE_NOT_APPLIED : RejectionCode.RESIDUAL_PHI,
                "the file is not de-identified to the required profile: " + result.summary());
        return report(Outcome.REJECTED, sopClass, instance.transferSyntaxUid(), result, textRegions, why);
    }

    private InstanceReport report(Outcome outcome, String sopClass, String ts, VerificationResult result,
                                  List<MaskedRegion> regions, Rejection why) {
        return new InstanceReport(outcome, profile.name(), profile.version(), List.of(), sopClass, ts, false, List.of(),
                regions, result, why);
    }
}

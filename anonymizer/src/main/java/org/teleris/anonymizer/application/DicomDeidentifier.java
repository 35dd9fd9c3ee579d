package org.teleris.anonymizer.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.teleris.anonymizer.domain.BurnedInTextPolicy;
import org.teleris.anonymizer.domain.ConfidentialityProfile;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.DescriptorCleaner;
import org.teleris.anonymizer.domain.DicomCharsets;
import org.teleris.anonymizer.domain.HeaderValues;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.MaskedRegion;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.Pseudonym;
import org.teleris.anonymizer.domain.ProfileApplication;
import org.teleris.anonymizer.domain.ProfileApplier;
import org.teleris.anonymizer.domain.Pseudonymizer;
import org.teleris.anonymizer.domain.Rejection;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.domain.ResidualPhiVerifier;
import org.teleris.anonymizer.domain.Tag;
import org.teleris.anonymizer.domain.UidRemapper;
import org.teleris.anonymizer.domain.VerificationResult;
import org.teleris.anonymizer.infrastructure.BurnedInTextCleaner;
import org.teleris.anonymizer.infrastructure.DicomInstance;
import org.teleris.anonymizer.infrastructure.DicomReaders;
import org.teleris.anonymizer.infrastructure.PixelMedInstance;
import org.teleris.anonymizer.infrastructure.EncodedInstance;
import org.teleris.anonymizer.infrastructure.PixelDataNotCleanableException;
import org.teleris.anonymizer.infrastructure.TesseractOcr;
import org.teleris.anonymizer.infrastructure.UnreadableDicomException;

/**
 * De-identifies one DICOM instance: profile, pseudonym, UIDs, dates, burned-in text, then the residual-PHI
 * verifier on the result. Output is written only when everything passed. Thread-safe; one instance can serve
 * all organisations (the secret is per call).
 *
 * <pre>{@code
 * DicomDeidentifier deid = new DicomDeidentifier();
 * InstanceReport report = deid.deidentify(in, out, new OrganisationSecret(key), DeidentificationOptions.serverDefaults());
 * }</pre>
 */
public final class DicomDeidentifier {

    private static final Tag PATIENT_ID = new Tag(0x0010, 0x0020);
    private static final Tag ISSUER = new Tag(0x0010, 0x0021);
    private static final Tag PATIENT_NAME = new Tag(0x0010, 0x0010);
    private static final Tag BIRTH_DATE = new Tag(0x0010, 0x0030);
    private static final Tag MODALITY = new Tag(0x0008, 0x0060);
    private static final Tag SOP_CLASS = new Tag(0x0008, 0x0016);
    private static final Tag BURNED_IN = new Tag(0x0028, 0x0301);
    private static final Tag CHARSET = new Tag(0x0008, 0x0005);
    private static final Tag ENCAPSULATED_DOCUMENT = new Tag(0x0042, 0x0011);
    private static final Tag ENCAPSULATED_DOCUMENT_TYPE = new Tag(0x0042, 0x0012);

    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private final ConfidentialityProfile profile;
    private final boolean ownReader;
    private final BurnedInTextCleaner pixelCleaner;
    private final ResidualPhiVerifier verifier;

    public DicomDeidentifier() {
        this(ConfidentialityProfile.basic(), new TesseractOcr());
    }

    public DicomDeidentifier(ConfidentialityProfile profile, TesseractOcr ocr) {
        this(profile, ocr, true);
    }

    /** @param ownReader false: every file is parsed by PixelMed (the reference the own reader is tested against) */
    DicomDeidentifier(ConfidentialityProfile profile, TesseractOcr ocr, boolean ownReader) {
        this.ownReader = ownReader;
        this.profile = profile;
        this.pixelCleaner = new BurnedInTextCleaner(ocr);
        this.verifier = new ResidualPhiVerifier(profile);
    }

    public ConfidentialityProfile profile() {
        return profile;
    }

    /**
     * Reads {@code in}, writes the de-identified instance to {@code out} (same transfer syntax) only if it passed.
     *
     * @return the report (outcome DEIDENTIFIED)
     * @throws InstanceRejectedException with a code, a readable message and the report; nothing was written
     * @throws IOException               reading or writing the streams failed
     */
    public InstanceReport deidentify(InputStream in, OutputStream out, OrganisationSecret secret, DeidentificationOptions options)
            throws InstanceRejectedException, IOException {
        byte[] bytes = in.readAllBytes();
        Result r = process(new Source(null, bytes), secret, options);
        r.encoded.writeTo(out);
        return r.report;
    }

    /** As the stream variant; the target file appears atomically (temp file + move) and only when the instance passed. */
    public InstanceReport deidentify(Path source, Path target, OrganisationSecret secret, DeidentificationOptions options)
            throws InstanceRejectedException, IOException {
        return deidentifyAndDescribe(source, target, secret, options).report();
    }

    /** What was written: the report, and the instance's top-level values (remapped UIDs, pseudonym, numbers). */
    public record Written(InstanceReport report, HeaderValues header) {
    }

    /**
     * As {@link #deidentify(Path, Path, OrganisationSecret, DeidentificationOptions)}, and also returns the written
     * instance's top-level values, so a caller that indexes the file need not parse it again.
     */
    public Written deidentifyAndDescribe(Path source, Path target, OrganisationSecret secret, DeidentificationOptions options)
            throws InstanceRejectedException, IOException {
        return deidentifyAndDescribe(new Opened(source, null), target, secret, options);
    }

    /**
     * As above for a file opened with {@link #open(Path)}: the header its caller has looked at is the parse that is
     * de-identified, not read a second time (once; a second call reads the file again).
     */
    public Written deidentifyAndDescribe(Opened source, Path target, OrganisationSecret secret,
                                         DeidentificationOptions options) throws InstanceRejectedException, IOException {
        Result r = process(new Source(source.file, null, source.take()), secret, options);
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            // Not called for an existing folder: it would fail a mkdir and build a FileAlreadyExistsException per file.
            Files.createDirectories(dir);
        }
        // Hidden, unique per call; not Files.createTempFile, whose SecureRandom names cost more than writing a slice.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMP_COUNTER.incrementAndGet() + ".part");
        boolean moved = false;
        try {
            r.encoded.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        return new Written(r.report, r.instance);
    }

    /**
     * The top-level values of a file as it is (the attributes before its pixels), read by the own reader or, for
     * files it declines, by PixelMed.
     *
     * @throws IOException the file cannot be read or is not DICOM (the message says why, with no value from it)
     */
    public static HeaderValues header(Path file) throws IOException {
        return open(file).header();
    }

    /**
     * A file read up to its pixels, for a caller that looks at its header before it decides whether to
     * de-identify it ({@link #deidentifyAndDescribe(Opened, Path, OrganisationSecret, DeidentificationOptions)}).
     *
     * @throws IOException the file cannot be read or is not DICOM (the message says why, with no value from it)
     */
    public static Opened open(Path file) throws IOException {
        try {
            return new Opened(file, DicomReaders.read(file, true));
        } catch (UnreadableDicomException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A file and its parse; the parse is handed to one de-identification, which changes it. */
    public static final class Opened {
        private final Path file;
        private DicomInstance parsed;
        private final HeaderValues header;

        private Opened(Path file, DicomInstance parsed) {
            this.file = file;
            this.parsed = parsed;
            this.header = parsed;
        }

        /** The values as read from the file (not to be consulted after a de-identification). */
        public HeaderValues header() {
            return header;
        }

        private synchronized DicomInstance take() {
            DicomInstance once = parsed;
            parsed = null;
            return once;
        }
    }

    private record Result(EncodedInstance encoded, InstanceReport report, DicomInstance instance) {
    }

    /** The input, a file or bytes in memory, opened by the project's own header reader or by PixelMed. */
    private record Source(Path file, byte[] bytes, DicomInstance alreadyRead) {

        Source(Path file, byte[] bytes) {
            this(file, bytes, null);
        }

        /** The caller's parse when it was made the same way, else a new one. */
        DicomInstance open(boolean ownReaderFirst) throws UnreadableDicomException, IOException {
            if (alreadyRead != null && (ownReaderFirst || alreadyRead instanceof PixelMedInstance)) {
                return alreadyRead;
            }
            return file != null ? DicomReaders.read(file, ownReaderFirst) : DicomReaders.read(bytes, ownReaderFirst);
        }
    }

    private Result process(Source in, OrganisationSecret secret, DeidentificationOptions options)
            throws InstanceRejectedException, IOException {
        List<String> optionNames = options.names();
        InstanceReport report = new InstanceReport(Outcome.DEIDENTIFIED, profile.name(), profile.version(), optionNames,
                "", "", false, List.of(), List.of(), null, null);
        DicomInstance instance = read(in, ownReader, report);
        String sopClass = instance.string(SOP_CLASS);
        report = new InstanceReport(Outcome.DEIDENTIFIED, profile.name(), profile.version(), optionNames, sopClass,
                instance.transferSyntaxUid(), false, List.of(), List.of(), null, null);

        if (!instance.string(ENCAPSULATED_DOCUMENT_TYPE).isBlank() || instance.hasAttribute(ENCAPSULATED_DOCUMENT)) {
            throw reject(report, RejectionCode.CONTENT_NOT_CLEANABLE, "encapsulated documents (PDF, CDA, models) can carry "
                    + "identifying text the profile cannot see; send images, or a de-identified export of the document");
        }
        boolean mustClean = instance.hasPixelData() && BurnedInTextPolicy.mustClean(
                instance.string(MODALITY), sopClass, instance.string(BURNED_IN), options);
        if (mustClean && instance.isEncapsulated()) {
            throw reject(report, RejectionCode.PIXEL_DATA_NOT_CLEANABLE, "this instance may carry burned-in text (modality "
                    + instance.string(MODALITY).trim() + ") but its pixel data is compressed (" + instance.transferSyntaxUid()
                    + "); it cannot be cleaned without re-encoding. Export it uncompressed and upload again");
        }
        boolean embeddedOverlay = instance.hasOverlayInPixelBits();
        if ((mustClean || embeddedOverlay) && !(instance instanceof PixelMedInstance)) {
            instance = read(in, false, report); // the pixels must be decoded: PixelMed's job
        }
        String charset = instance.string(CHARSET);
        Pseudonym pseudonym = new Pseudonymizer(secret).pseudonymFor(instance.string(PATIENT_ID), instance.string(ISSUER),
                instance.string(PATIENT_NAME), instance.string(BIRTH_DATE));
        ProfileApplier applier = new ProfileApplier(profile, options, new UidRemapper(secret), DescriptorCleaner.standard());
        ProfileApplication applied;
        List<MaskedRegion> masked = List.of();
        try {
            applied = applier.apply(instance.dataSet(), pseudonym);
            if (embeddedOverlay) {
                PixelMedInstance decoded = (PixelMedInstance) instance;
                decoded.loadPixelData();
                pixelCleaner.clearBitsAboveStored(decoded);
            }
            if (mustClean) {
                PixelMedInstance decoded = (PixelMedInstance) instance;
                decoded.loadPixelData();
                masked = pixelCleaner.clean(decoded, options.fixedMasks());
            }
            applier.markDeidentified(instance.dataSet(), applied.datesShifted(), mustClean || embeddedOverlay);
        } catch (PixelDataNotCleanableException e) {
            throw reject(report, RejectionCode.PIXEL_DATA_NOT_CLEANABLE, e.getMessage());
        } catch (UnreadableDicomException e) {
            throw reject(report, RejectionCode.UNREADABLE_DICOM, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw reject(report, RejectionCode.UNREADABLE_DICOM, "an attribute could not be rewritten: " + e.getMessage());
        }
        EncodedInstance encoded = instance.encode();
        VerificationResult verification = verifier.verifyAgainstSource(instance.elementViews(),
                encoded.searchableBytes(), DicomCharsets.forSearch(charset), applied.sourceIdentifiers());
        report = new InstanceReport(Outcome.DEIDENTIFIED, profile.name(), profile.version(), optionNames, sopClass,
                instance.transferSyntaxUid(), embeddedOverlay || (mustClean && !masked.isEmpty()), applied.actions(), masked,
                verification, null);
        if (!verification.passed()) {
            throw reject(report, RejectionCode.RESIDUAL_PHI, "identifying data survived de-identification: " + verification.summary());
        }
        return new Result(encoded, report, instance);
    }

    private static DicomInstance read(Source in, boolean ownReader, InstanceReport report)
            throws InstanceRejectedException, IOException {
        try {
            return in.open(ownReader);
        } catch (UnreadableDicomException e) {
            throw reject(report, e.notDicomAtAll() ? RejectionCode.NOT_DICOM : RejectionCode.UNREADABLE_DICOM, e.getMessage());
        }
    }

    static InstanceRejectedException reject(InstanceReport report, RejectionCode code, String message) {
        Rejection why = new Rejection(code, message);
        return new InstanceRejectedException(why, report.rejected(why));
    }

    /** The de-identified bytes of an in-memory instance and its report. */
    public record DeidentifiedBytes(byte[] bytes, InstanceReport report) {
    }

    /** Convenience for callers holding bytes (previews, small uploads). */
    public DeidentifiedBytes deidentify(byte[] dicom, OrganisationSecret secret, DeidentificationOptions options)
            throws InstanceRejectedException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(dicom.length + 1024);
        InstanceReport report = deidentify(new java.io.ByteArrayInputStream(dicom), out, secret, options);
        return new DeidentifiedBytes(out.toByteArray(), report);
    }
}

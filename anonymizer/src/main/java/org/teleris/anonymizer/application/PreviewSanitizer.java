package org.teleris.anonymizer.application;

import java.io.IOException;
import java.util.List;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.PreviewKind;
import org.teleris.anonymizer.domain.PreviewLimits;
import org.teleris.anonymizer.domain.PreviewRejectedException;
import org.teleris.anonymizer.domain.PreviewReport;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.domain.SanitizedPreview;
import org.teleris.anonymizer.infrastructure.FfmpegVideoSanitizer;
import org.teleris.anonymizer.infrastructure.ImagePreviewSanitizer;
import org.teleris.anonymizer.infrastructure.TesseractOcr;
import org.teleris.anonymizer.infrastructure.TikaMediaDetector;

/**
 * Stage I previews (key images, short screen videos, a few DICOM slices): the real type is detected from content
 * with Tika and must be on the allow-list (JPEG, PNG, MP4, WebM, DICOM); size limits are checked from headers
 * before decoding; images are re-encoded from pixels with text masked, videos rewritten by ffmpeg without
 * metadata, DICOM goes through {@link DicomDeidentifier}.
 *
 * <pre>{@code
 * SanitizedPreview p = new PreviewSanitizer().sanitize(bytes, "scan from Ivanov.mp4", secret);
 * store(p.bytes(), p.mediaType());   // refusals arrive as PreviewRejectedException with a code and a message
 * }</pre>
 */
public final class PreviewSanitizer {

    private final TikaMediaDetector detector = new TikaMediaDetector();
    private final ImagePreviewSanitizer images;
    private final FfmpegVideoSanitizer videos;
    private final DicomDeidentifier dicom;
    private final PreviewLimits limits;

    public PreviewSanitizer() {
        this(new DicomDeidentifier(), new TesseractOcr(), PreviewLimits.defaults());
    }

    public PreviewSanitizer(DicomDeidentifier dicom, TesseractOcr ocr, PreviewLimits limits) {
        this.dicom = dicom;
        this.images = new ImagePreviewSanitizer(ocr);
        this.videos = new FfmpegVideoSanitizer(ocr);
        this.limits = limits;
    }

    /**
     * @param untrustedFileName only used to word the refusal message; never trusted for the type, never stored
     */
    public SanitizedPreview sanitize(byte[] content, String untrustedFileName, OrganisationSecret secret)
            throws PreviewRejectedException, IOException {
        if (content.length == 0) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "the file is empty");
        }
        if (content.length > limits.maxBytes()) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, "a preview may be at most "
                    + (limits.maxBytes() >> 20) + " MiB; this one is " + (content.length >> 20) + " MiB");
        }
        String detected = detector.detect(content);
        PreviewKind kind = PreviewKind.fromDetectedType(detected);
        if (kind == null) {
            throw new PreviewRejectedException(RejectionCode.UNSUPPORTED_MEDIA_TYPE, "the file"
                    + (untrustedFileName == null ? "" : " named like a " + extension(untrustedFileName))
                    + " is really " + detected + "; previews must be JPEG, PNG, MP4, WebM or DICOM");
        }
        return switch (kind) {
            case JPEG, PNG -> {
                ImagePreviewSanitizer.Result r = images.sanitize(content, kind, limits);
                yield new SanitizedPreview(r.bytes(), kind.mediaType(), new PreviewReport(kind, kind.mediaType(), true,
                        List.of("all metadata (EXIF, XMP, IPTC, comments, ICC)"), 1, r.masked(), null));
            }
            case MP4, WEBM -> {
                FfmpegVideoSanitizer.Result r = videos.sanitize(content, kind, limits);
                String after = detector.detect(r.bytes());
                if (PreviewKind.fromDetectedType(after) != kind) {
                    throw new PreviewRejectedException(RejectionCode.TOOL_FAILED, "the rewritten video is not " + kind + " any more");
                }
                yield new SanitizedPreview(r.bytes(), kind.mediaType(), new PreviewReport(kind, kind.mediaType(),
                        !r.masked().isEmpty(), r.removed(), r.framesChecked(), r.masked(), null));
            }
            case DICOM -> {
                try {
                    DicomDeidentifier.DeidentifiedBytes d = dicom.deidentify(content, secret, DeidentificationOptions.serverDefaults());
                    yield new SanitizedPreview(d.bytes(), kind.mediaType(), new PreviewReport(kind, kind.mediaType(),
                            d.report().pixelDataCleaned(), List.of("DICOM attributes per the profile"), 1,
                            d.report().maskedRegions(), d.report()));
                } catch (InstanceRejectedException e) {
                    throw new PreviewRejectedException(e.code(), e.rejection().message());
                }
            }
        };
    }

    /** Only the extension, never the rest of a name that may be the patient's. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || name.length() - dot > 6 ? "file without a known extension" : "'" + name.substring(dot) + "' file";
    }
}

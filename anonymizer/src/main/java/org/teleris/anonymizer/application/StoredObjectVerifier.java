package org.teleris.anonymizer.application;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.teleris.anonymizer.domain.Finding;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.infrastructure.TesseractOcr;

/**
 * Re-checks an object the product already stores, on an admin's request: DICOM instances with the
 * residual-PHI verifier (source unknown: profile applied, safe private tags only, patterns, OCR of
 * pixel data where burned-in text is likely); still images for metadata blocks that must not
 * survive sanitising and for readable text left in the picture; videos for container metadata
 * markers. Reports what was found by kind and place, never the values.
 */
public final class StoredObjectVerifier {

    /** The result: passed, or findings as "where: what" lines. */
    public record Result(boolean passed, String method, List<String> findings) {
    }

    private static final String[] IMAGE_METADATA_MARKERS = {"Exif", "http://ns.adobe.com/xap", "Photoshop 3.0", "tEXt",
        "iTXt", "zTXt", "eXIf"};
    private static final String[] VIDEO_METADATA_MARKERS = {"\u00a9nam", "\u00a9ART", "\u00a9cmt", "\u00a9day"};

    private final DeidentifiedFileVerifier dicom = new DeidentifiedFileVerifier();
    private final TesseractOcr ocr = new TesseractOcr();

    public Result verify(byte[] content, String mediaType) throws IOException {
        if (mediaType.equals("application/dicom")) {
            InstanceReport report = dicom.verify(content);
            List<String> findings = new ArrayList<>();
            if (report.verification() != null) {
                for (Finding f : report.verification().findings()) {
                    findings.add(f.location() + ": " + f.kind());
                }
            }
            if (report.rejection() != null && findings.isEmpty()) {
                findings.add(report.rejection().code() + ": " + report.rejection().message());
            }
            return new Result(report.outcome() != Outcome.REJECTED && findings.isEmpty(), "residual-PHI verifier (DICOM)",
                    findings);
        }
        if (mediaType.startsWith("image/")) {
            List<String> findings = new ArrayList<>(markers(content, IMAGE_METADATA_MARKERS, "metadata block"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                findings.add("image: cannot be decoded");
            } else {
                for (Rectangle r : ocr.findText(image)) {
                    findings.add("text in the picture at " + r.x + "," + r.y + " " + r.width + "x" + r.height);
                }
            }
            return new Result(findings.isEmpty(), "metadata markers and OCR of the picture", findings);
        }
        if (mediaType.startsWith("video/")) {
            List<String> findings = markers(content, VIDEO_METADATA_MARKERS, "container metadata");
            return new Result(findings.isEmpty(), "container metadata markers", findings);
        }
        return new Result(false, "none", List.of("unsupported media type " + mediaType));
    }

    private static List<String> markers(byte[] content, String[] markers, String what) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String marker : markers) {
            byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
            String asLatin1 = new String(needle, StandardCharsets.ISO_8859_1);
            if (text.contains(asLatin1)) {
                found.add(what + ": " + marker.replace("\u00a9", "(c)"));
            }
        }
        return found;
    }
}

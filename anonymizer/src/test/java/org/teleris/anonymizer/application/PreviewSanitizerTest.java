package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.PreviewRejectedException;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.domain.SanitizedPreview;
import org.teleris.anonymizer.infrastructure.TesseractOcr;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** Preview sanitising with real Tika, ImageIO, tesseract and ffmpeg; every input is built here. */
class PreviewSanitizerTest {

    static final PreviewSanitizer SANITIZER = new PreviewSanitizer(SyntheticStudyDeidentificationTest.DEID, new TesseractOcr(),
            org.teleris.anonymizer.domain.PreviewLimits.defaults());
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    @TempDir
    Path dir;

    private static BufferedImage screenshot(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(20, 20, 20));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(120, 120, 120));
        g.fillOval(w / 4, h / 3, w / 2, h / 2);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(SyntheticStudyGenerator.BURNED_NAME, 12, 32);
        g.dispose();
        return img;
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(0xFF);
        s.write(marker);
        s.write((payload.length + 2) >> 8);
        s.write((payload.length + 2) & 0xFF);
        s.writeBytes(payload);
        return s.toByteArray();
    }

    /** A JPEG carrying EXIF (with GPS text), XMP and a comment, all naming the patient. */
    static byte[] jpegWithMetadata() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(screenshot(480, 320), "jpeg", plain);
        byte[] p = plain.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(p, 0, 2);
        out.writeBytes(segment(0xE1, ("Exif\0\0MM\0*\0\0\0\u0008GPSLatitude 55.7558 N; Camera owner Johanna Smithson")
                .getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(segment(0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Smithson</dc:creator></x:xmpmeta>")
                .getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(segment(0xFE, "Patient Smithson MRN8812345".getBytes(StandardCharsets.ISO_8859_1)));
        out.write(p, 2, p.length - 2);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        c.write(data.length >>> 24);
        c.write(data.length >>> 16);
        c.write(data.length >>> 8);
        c.write(data.length);
        c.writeBytes(t);
        c.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long v = crc.getValue();
        c.write((int) (v >>> 24));
        c.write((int) (v >>> 16));
        c.write((int) (v >>> 8));
        c.write((int) v);
        return c.toByteArray();
    }

    /** A PNG with a tEXt chunk after IHDR. */
    static byte[] pngWithText() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(screenshot(400, 300), "png", plain);
        byte[] p = plain.toByteArray();
        int afterIhdr = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(p, 0, afterIhdr);
        out.writeBytes(chunk("tEXt", "Author\0Johanna Smithson".getBytes(StandardCharsets.ISO_8859_1)));
        out.write(p, afterIhdr, p.length - afterIhdr);
        return out.toByteArray();
    }

    private static void assertNoTextInTopBand(BufferedImage img) throws Exception {
        assertTrue(new TesseractOcr().findText(img).stream().noneMatch(r -> r.y < 50), "text left in the top band");
    }

    private static void assertAbsent(byte[] bytes, String... values) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String v : values) {
            assertFalse(s.contains(v), v + " survived");
        }
    }

    @Test
    void jpegLosesAllMetadataAndItsBurnedInText() throws Exception {
        byte[] in = jpegWithMetadata();
        assertTrue(new String(in, StandardCharsets.ISO_8859_1).contains("GPSLatitude"), "fixture carries EXIF");
        SanitizedPreview p = SANITIZER.sanitize(in, "Smithson_keyimage.png", null);
        assertEquals("image/jpeg", p.mediaType(), "the real type wins over the name");
        assertAbsent(p.bytes(), "Exif", "GPS", "xap", "Smithson", "MRN8812345");
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(p.bytes()));
        assertEquals(480, out.getWidth());
        assertFalse(p.report().maskedRegions().isEmpty());
        assertNoTextInTopBand(out);
        assertTrue(out.getRGB(240, 200) != Color.BLACK.getRGB(), "the picture itself is kept");
    }

    @Test
    void pngLosesTextChunksAndBurnedInText() throws Exception {
        SanitizedPreview p = SANITIZER.sanitize(pngWithText(), "image.png", null);
        assertEquals("image/png", p.mediaType());
        assertAbsent(p.bytes(), "tEXt", "Smithson");
        assertNoTextInTopBand(ImageIO.read(new ByteArrayInputStream(p.bytes())));
    }

    @Test
    void imageBombsAreRefusedBeforeDecoding() throws Exception {
        // a PNG header claiming 100000 x 100000 pixels, followed by almost nothing
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        huge.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        byte[] ihdr = {0, 1, (byte) 0x86, (byte) 0xA0, 0, 1, (byte) 0x86, (byte) 0xA0, 8, 2, 0, 0, 0};
        huge.writeBytes(chunk("IHDR", ihdr));
        huge.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        huge.writeBytes(chunk("IEND", new byte[0]));
        PreviewRejectedException e = assertThrows(PreviewRejectedException.class, () -> SANITIZER.sanitize(huge.toByteArray(), "a.png", null));
        assertEquals(RejectionCode.MEDIA_TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
        // a small file that would expand enormously (uniform 6000 x 6000)
        BufferedImage flat = new BufferedImage(6000, 6000, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        ImageIO.write(flat, "png", bomb);
        PreviewRejectedException b = assertThrows(PreviewRejectedException.class, () -> SANITIZER.sanitize(bomb.toByteArray(), "b.png", null));
        assertEquals(RejectionCode.MEDIA_TOO_LARGE, b.code());
        assertTrue(b.getMessage().contains("decompression bomb"), b.getMessage());
    }

    @Test
    void anythingOutsideTheAllowListIsRefusedByItsRealType() throws Exception {
        BufferedImage img = screenshot(50, 50);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(img, "gif", gif);
        PreviewRejectedException e = assertThrows(PreviewRejectedException.class, () -> SANITIZER.sanitize(gif.toByteArray(), "Ivanov.jpg", null));
        assertEquals(RejectionCode.UNSUPPORTED_MEDIA_TYPE, e.code());
        assertTrue(e.getMessage().contains("image/gif") && e.getMessage().contains(".jpg"), e.getMessage());
        assertFalse(e.getMessage().contains("Ivanov"), "the name is not echoed");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        assertEquals(RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                assertThrows(PreviewRejectedException.class, () -> SANITIZER.sanitize(pdf, "scan.mp4", null)).code());
    }

    private Path ffmpeg(String name, List<String> args) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
        cmd.addAll(args);
        cmd.add(out.toString());
        String log = DicomTestSupport.run(cmd, 120);
        assertTrue(Files.exists(out), "ffmpeg failed: " + log);
        return out;
    }

    private static String probe(byte[] video, Path dir) throws Exception {
        Path f = Files.write(dir.resolve("probe.bin"), video);
        return DicomTestSupport.run(List.of("ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "flat", f.toString()), 60);
    }

    @Test
    void screenVideoLosesMetadataSubtitlesAudioAndOverlayText() throws Exception {
        Path srt = Files.writeString(dir.resolve("s.srt"), "1\n00:00:00,000 --> 00:00:02,000\nJohanna Smithson\n");
        Path mp4 = ffmpeg("in.mp4", List.of("-f", "lavfi", "-i", "color=c=0x202020:s=320x240:d=2:r=10", "-f", "lavfi", "-i",
                "sine=d=2", "-i", srt.toString(), "-map", "0:v", "-map", "1:a", "-map", "2:s",
                "-vf", "drawtext=fontfile=" + FONT + ":text=SMITHSON JOHANNA:x=10:y=12:fontsize=20:fontcolor=white",
                "-metadata", "title=Smithson Johanna chest CT", "-metadata", "comment=MRN8812345",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-c:s", "mov_text", "-shortest"));
        byte[] in = Files.readAllBytes(mp4);
        assertTrue(probe(in, dir).contains("Smithson Johanna chest CT"), "fixture carries a title");
        SanitizedPreview p = SANITIZER.sanitize(in, "video.webm", null);
        assertEquals("video/mp4", p.mediaType());
        String after = probe(p.bytes(), dir);
        assertFalse(after.contains("tags.title") || after.contains("tags.comment"), after);
        assertFalse(after.contains("codec_type=\"audio\"") || after.contains("codec_type=\"subtitle\""), after);
        assertAbsent(p.bytes(), "Smithson", "MRN8812345");
        assertTrue(p.report().removed().containsAll(List.of("container metadata", "audio streams", "subtitle streams")),
                p.report().removed().toString());
        assertFalse(p.report().maskedRegions().isEmpty(), "overlay text found by OCR");
        Path frame = dir.resolve("frame.png");
        Path outFile = Files.write(dir.resolve("out.mp4"), p.bytes());
        String log = DicomTestSupport.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", outFile.toString(), "-vf",
                "select=eq(n\\,5)", "-frames:v", "1", frame.toString()), 60);
        assertTrue(Files.exists(frame), log + probe(p.bytes(), dir));
        assertNoTextInTopBand(ImageIO.read(frame.toFile()));
    }

    @Test
    void webmWithoutTextIsCopiedWithoutMetadata() throws Exception {
        Path webm = ffmpeg("in.webm", List.of("-f", "lavfi", "-i", "testsrc=s=160x120:d=1:r=5", "-metadata", "title=Johanna Smithson",
                "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "200k"));
        SanitizedPreview p = SANITIZER.sanitize(Files.readAllBytes(webm), "clip", null);
        assertEquals("video/webm", p.mediaType());
        assertAbsent(p.bytes(), "Smithson");
        assertFalse(probe(p.bytes(), dir).toLowerCase().contains("tags.title"));
    }

    @Test
    void videoBombsAreRefusedFromTheirHeaders() throws Exception {
        Path longVideo = ffmpeg("long.mp4", List.of("-f", "lavfi", "-i", "color=s=32x32:d=400:r=1", "-c:v", "libx264", "-preset", "ultrafast"));
        PreviewRejectedException e = assertThrows(PreviewRejectedException.class, () -> SANITIZER.sanitize(Files.readAllBytes(longVideo), "x.mp4", null));
        assertEquals(RejectionCode.MEDIA_TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("400 s"), e.getMessage());
        Path mkv = ffmpeg("h264.mkv", List.of("-f", "lavfi", "-i", "color=s=32x32:d=1:r=5", "-c:v", "libx264", "-preset", "ultrafast"));
        PreviewRejectedException m = assertThrows(PreviewRejectedException.class, () -> SANITIZER.sanitize(Files.readAllBytes(mkv), "x.webm", null));
        assertEquals(RejectionCode.UNSUPPORTED_MEDIA_TYPE, m.code(), m.getMessage());
    }

    @Test
    void aDicomSliceGoesThroughTheDeidentifier() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240601", 21);
        Path sc = SyntheticStudyGenerator.write(g.secondaryCapture(), dir.resolve("sc.dcm"), null);
        SanitizedPreview p = SANITIZER.sanitize(Files.readAllBytes(sc), "slice.jpg",
                SyntheticStudyDeidentificationTest.SECRET);
        assertEquals("application/dicom", p.mediaType());
        assertNotNull(p.report().dicomReport());
        assertFalse(p.report().maskedRegions().isEmpty());
        assertAbsent(p.bytes(), "Smithson", "Weatherby");
    }

    /**
     * A "dual personality" file: a TIFF header and a name in the 128-byte preamble (PS3.10 allows
     * anything there). It is still DICOM, and the preamble's content does not survive.
     */
    @Test
    void aDicomFileWithATiffPreambleIsDicomAndLosesThePreamble() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240601", 22);
        byte[] dicom = Files.readAllBytes(SyntheticStudyGenerator.write(g.secondaryCapture(), dir.resolve("dual.dcm"), null));
        byte[] preamble = ("II*\0" + "\0\0\0\0PreambleName^Hidden").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(preamble, 0, dicom, 0, preamble.length);
        SanitizedPreview p = SANITIZER.sanitize(dicom, "dual.tif", SyntheticStudyDeidentificationTest.SECRET);
        assertEquals("application/dicom", p.mediaType());
        assertAbsent(p.bytes(), "PreambleName", "Smithson");
    }
}

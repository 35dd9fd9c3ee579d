package org.teleris.ai.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.ai.domain.CtClassRule;
import org.teleris.ai.domain.NotAnalysableReason;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.ResultKind;
import org.teleris.ai.fixtures.Lesion;
import org.teleris.ai.fixtures.SyntheticChestCt;
import org.teleris.ai.fixtures.SyntheticDicomSeries;

/** Stage II through the facade: a DICOM series on disk in, result, SR and capture series out. */
class StudyAnalysisTest {
    @TempDir
    static Path dir;
    private static AiPrescreen ai;
    private static SyntheticChestCt.Phantom phantom;
    private static List<Path> files;
    private static PrescreenReport report;

    @BeforeAll
    static void analyse() throws Exception {
        ai = AiPrescreen.start(AiPrescreenConfig.defaults());
        phantom = new SyntheticChestCt(60, 128, 3.0, 5.0).seed(31)
                .lesion(Lesion.sphere(-115, 20, 10, 28, Lesion.GROUND_GLASS_HU))
                .lesion(Lesion.sphere(110, 30, -20, 25, Lesion.GROUND_GLASS_HU))
                .lesion(Lesion.sphere(60, -40, 30, 18, Lesion.CONSOLIDATION_HU)).build();
        files = new SyntheticDicomSeries().write(phantom.volume(), dir.resolve("study"));
        report = ai.analyseStudy(files).get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void close() {
        ai.close();
    }

    @Test
    void dicomStudyGivesInvolvementWithinToleranceAndItsClass() {
        PrescreenResult r = report.result();
        assertEquals(ResultKind.COMPLETED, r.kind(), r.reason());
        assertEquals(phantom.involvementRight(), r.involvement().right(), 0.025);
        assertEquals(phantom.involvementLeft(), r.involvement().left(), 0.025);
        assertEquals(CtClassRule.fromInvolvement(r.involvement().total()), r.ctClass());
        assertEquals(60, r.sources().size());
        assertEquals("SYN-0001", r.study().patientId());
        ResultSummary summary = report.summary();
        assertEquals("COMPLETED", summary.kind());
        assertEquals(r.ctClass().label(), summary.ctClass());
        assertEquals(r.involvement().left(), summary.involvementLeft());
        assertTrue(!summary.oneLine().contains("SYN-0001") && !summary.oneLine().contains("Anon"), summary.oneLine());
    }

    @Test
    void reportCarriesHeatMapAndBilingualResearchOnlyDraft() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(report.heatMap().orElseThrow()));
        assertTrue(img.getWidth() >= 192);
        assertTrue(report.draftEnglish().startsWith("FOR RESEARCH PURPOSES ONLY"));
        assertTrue(report.draftRussian().startsWith("ТОЛЬКО ДЛЯ ИССЛЕДОВАТЕЛЬСКИХ ЦЕЛЕЙ"));
        assertTrue(report.draftEnglish().contains(report.result().ctClass().label()));
        assertTrue(report.draftEnglish().contains("bilateral"), report.draftEnglish());
        assertTrue(report.draftRussian().contains("двустороннее"), report.draftRussian());
        assertEquals("For Research Purposes Only", report.label());
        // coloured overlay pixels exist (the heat map is not a plain grey picture)
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (((p >> 16) & 0xFF) - (p & 0xFF) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 100, "coloured pixels " + coloured);
    }

    @Test
    void structuredReportAndCaptureSeriesPassDciodvfy() throws Exception {
        DicomOutputs out = ai.writeDicomOutputs(report, files, dir.resolve("out"), 6);
        String sr = DicomValidation.dciodvfy(out.structuredReport());
        assertEquals(List.of(), DicomValidation.errors(sr), sr);
        assertEquals(6, out.secondaryCaptures().size());
        for (Path sc : out.secondaryCaptures()) {
            String v = DicomValidation.dciodvfy(sc);
            assertEquals(List.of(), DicomValidation.errors(v), v);
        }
        String dump = DicomValidation.run("dsrdump", "-Ee", "+Pu", "+Pl", out.structuredReport().toString());
        assertTrue(dump.contains("Imaging Measurement Report"), dump);
        assertTrue(dump.contains(report.result().ctClass().label()), dump);
        assertTrue(dump.contains("Right lung structure") && dump.contains("Left lung structure"), dump);
        assertTrue(dump.contains("For Research Purposes Only"), dump);
        assertTrue(dump.contains("Algorithm Version"), dump);
        assertTrue(dump.contains("Image Region"), dump);
        assertTrue(dump.contains(report.result().sources().get(0).sopInstanceUid()), "source instances referenced");
    }

    @Test
    void everyCaptureImageHasTheMarkingBurnedIn() throws Exception {
        DicomOutputs out = ai.writeDicomOutputs(report, files, dir.resolve("out2"), 4);
        for (Path sc : out.secondaryCaptures()) {
            String dump = DicomValidation.run("dcmdump", "+P", "BurnedInAnnotation", "+P", "SeriesDescription", sc.toString());
            assertTrue(dump.contains("YES") && dump.contains("FOR RESEARCH PURPOSES ONLY"), dump);
            // the top band holds yellow text pixels: decode with dcmj2pnm to look at the pixels themselves
            Path png = sc.resolveSibling(sc.getFileName() + ".png");
            DicomValidation.run("dcm2pnm", "+on", sc.toString(), png.toString());
            BufferedImage img = ImageIO.read(png.toFile());
            int yellow = 0;
            for (int y = 0; y < img.getHeight() / 12; y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int p = img.getRGB(x, y);
                    if (((p >> 16) & 0xFF) > 200 && ((p >> 8) & 0xFF) > 200 && (p & 0xFF) < 80) {
                        yellow++;
                    }
                }
            }
            assertTrue(yellow > 200, sc + ": yellow marking pixels " + yellow);
        }
    }

    @Test
    void nonCtNonChestAndShortSeriesAreNotAnalysable() throws Exception {
        SyntheticChestCt.Phantom small = new SyntheticChestCt(24, 64, 6.0, 12.0).seed(2).build();
        List<Path> mr = new SyntheticDicomSeries().modality("MR").write(small.volume(), dir.resolve("mr"));
        assertEquals(NotAnalysableReason.NOT_CT, ai.analyseStudy(mr).get(60, TimeUnit.SECONDS).result().notAnalysableReason());
        List<Path> head = new SyntheticDicomSeries().bodyPart("HEAD").write(small.volume(), dir.resolve("head"));
        assertEquals(NotAnalysableReason.NOT_CHEST, ai.analyseStudy(head).get(60, TimeUnit.SECONDS).result().notAnalysableReason());
        List<Path> few = new SyntheticDicomSeries().write(new SyntheticChestCt(6, 64, 6.0, 5.0).build().volume(), dir.resolve("few"));
        PrescreenReport r = ai.analyseStudy(few).get(60, TimeUnit.SECONDS);
        assertEquals(NotAnalysableReason.TOO_FEW_SLICES, r.result().notAnalysableReason());
        assertFalse(r.heatMap().isPresent());
        assertTrue(r.draftRussian().contains("слишком мало срезов"), r.draftRussian());
    }

    @Test
    void volumeWithoutLungsIsNotAnalysableInsteadOfGuessed() throws Exception {
        // an abdomen-like volume: body with no lungs, body part not stated
        SyntheticChestCt.Phantom p = new SyntheticChestCt(24, 64, 6.0, 12.0).seed(4).build();
        float[] hu = p.volume().hu();
        for (int i = 0; i < hu.length; i++) {
            if (hu[i] < -700 && hu[i] > -950) {
                hu[i] = 40f; // fill lungs with soft tissue
            }
        }
        List<Path> abdomen = new SyntheticDicomSeries().bodyPart("").write(p.volume(), dir.resolve("abdomen"));
        assertEquals(NotAnalysableReason.NOT_CHEST, ai.analyseStudy(abdomen).get(60, TimeUnit.SECONDS).result().notAnalysableReason());
    }

    @Test
    void storedOrientationDoesNotSwapTheLungsAndSrPointsAreInStoredPixels() throws Exception {
        SyntheticChestCt.Phantom p = new SyntheticChestCt(24, 96, 4.0, 12.0).seed(8)
                .lesion(Lesion.sphere(-80, 0, 0, 30, Lesion.CONSOLIDATION_HU)).build(); // patient's right only
        PrescreenReport normal = ai.analyseStudy(new SyntheticDicomSeries().write(p.volume(), dir.resolve("normal")))
                .get(60, TimeUnit.SECONDS);
        List<Path> flippedFiles = new SyntheticDicomSeries().flipped().write(p.volume(), dir.resolve("flipped"));
        PrescreenReport flipped = ai.analyseStudy(flippedFiles).get(60, TimeUnit.SECONDS);
        assertTrue(flipped.result().involvement().right() > 0.03, flipped.result().involvement().toString());
        assertTrue(flipped.result().involvement().left() < 0.005, flipped.result().involvement().toString());
        assertEquals(normal.result().involvement().right(), flipped.result().involvement().right(), 0.003);
        // in the stored (rotated) pixels the right lung lies on the image's right: the SR point must say so
        DicomOutputs out = ai.writeDicomOutputs(flipped, flippedFiles, dir.resolve("flipped-out"), 2);
        String dump = DicomValidation.run("dsrdump", "-Ee", out.structuredReport().toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("POINT,([0-9.]+)/([0-9.]+)").matcher(dump);
        assertTrue(m.find(), dump);
        assertTrue(Double.parseDouble(m.group(1)) > 48, "right-lung point column " + m.group(1) + " in stored pixels");
    }

    @Test
    void compressedTransferSyntaxesGiveTheSameResult() throws Exception {
        SyntheticChestCt.Phantom p = new SyntheticChestCt(24, 96, 4.0, 12.0).seed(9)
                .lesion(Lesion.sphere(80, 0, 0, 30, Lesion.GROUND_GLASS_HU)).build();
        List<Path> plain = new SyntheticDicomSeries().write(p.volume(), dir.resolve("plain"));
        double expected = ai.analyseStudy(plain).get(60, TimeUnit.SECONDS).result().involvement().left();
        assertTrue(expected > 0.03);
        // dcmtk re-encodes: JPEG lossless (process 14, first-order prediction) and RLE lossless
        for (String[] tool : new String[][] {{"dcmcjpeg", "+e1"}, {"dcmcrle"}}) {
            Path out = Files.createDirectories(dir.resolve("ts-" + tool[0]));
            List<Path> encoded = new java.util.ArrayList<>();
            for (Path f : plain) {
                Path target = out.resolve(f.getFileName());
                String[] cmd = java.util.stream.Stream.concat(java.util.Arrays.stream(tool),
                        java.util.stream.Stream.of(f.toString(), target.toString())).toArray(String[]::new);
                DicomValidation.run(cmd);
                encoded.add(target);
            }
            assertTrue(DicomValidation.run("dcmdump", encoded.get(0).toString()).contains(tool[0].equals("dcmcrle") ? "RLE" : "JPEG"));
            PrescreenResult r = ai.analyseStudy(encoded).get(60, TimeUnit.SECONDS).result();
            assertEquals(ResultKind.COMPLETED, r.kind(), tool[0] + ": " + r.reason());
            assertEquals(expected, r.involvement().left(), 1e-6, tool[0]);
        }
    }

    @Test
    void unreadableFilesAreNotAnalysable() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.dcm"), "not dicom");
        assertEquals(NotAnalysableReason.UNREADABLE,
                ai.analyseStudy(List.of(junk)).get(60, TimeUnit.SECONDS).result().notAnalysableReason());
    }
}

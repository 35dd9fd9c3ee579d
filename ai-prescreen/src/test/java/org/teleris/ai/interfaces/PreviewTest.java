package org.teleris.ai.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teleris.ai.domain.CtClass;
import org.teleris.ai.domain.HuVolume;
import org.teleris.ai.domain.NotAnalysableReason;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.ResultKind;
import org.teleris.ai.fixtures.Lesion;
import org.teleris.ai.fixtures.SyntheticChestCt;
import org.teleris.ai.fixtures.SyntheticDicomSeries;

/** Stage I previews: a few DICOM slices, a lung-window screenshot, or something not analysable. */
class PreviewTest {
    private static AiPrescreen ai;
    private static SyntheticChestCt.Phantom sick;
    private static SyntheticChestCt.Phantom healthy;

    @BeforeAll
    static void start() {
        ai = AiPrescreen.start(AiPrescreenConfig.defaults());
        // 1.5 mm pixels, 5 mm slices: the preview slices sit through the lesions at z = 0
        sick = new SyntheticChestCt(32, 224, 1.5, 5.0).seed(41)
                .lesion(new Lesion(-110, 10, 0, 25, 40, 60, Lesion.GROUND_GLASS_HU))
                .lesion(new Lesion(105, 20, 0, 25, 40, 60, Lesion.GROUND_GLASS_HU)).build();
        healthy = new SyntheticChestCt(32, 224, 1.5, 5.0).seed(42).build();
    }

    @AfterAll
    static void stop() {
        ai.close();
    }

    private static PrescreenReport preview(List<byte[]> files) throws Exception {
        return ai.preview(files).get(60, TimeUnit.SECONDS);
    }

    @Test
    void fewDicomSlicesGiveAPreviewResultWithHeatMap() throws Exception {
        PrescreenReport r = preview(new SyntheticDicomSeries().bytes(sick.volume(), 14, 16, 18));
        PrescreenResult res = r.result();
        assertEquals(ResultKind.COMPLETED, res.kind(), res.reason());
        assertTrue(res.preview());
        // the built-in graph's depth is dynamic: a preview runs on the card's preview depth, not 64 slices
        assertEquals(12, res.localisation().depth());
        assertTrue(res.involvement().right() > 0.05 && res.involvement().left() > 0.05, res.involvement().toString());
        assertTrue(res.ctClass().ordinal() >= CtClass.CT1.ordinal());
        assertTrue(r.heatMap().isPresent());
        assertTrue(r.draftEnglish().contains("3 preview image(s) only"), r.draftEnglish());

        PrescreenResult calm = preview(new SyntheticDicomSeries().bytes(healthy.volume(), 14, 16, 18)).result();
        assertEquals(CtClass.CT0, calm.ctClass(), calm.involvement().toString());
        assertTrue(calm.probability() < res.probability());
    }

    @Test
    void lungWindowScreenshotIsReadUnderTheStatedAssumption() throws Exception {
        PrescreenResult sickShot = preview(List.of(screenshot(sick.volume(), 16, false))).result();
        assertEquals(ResultKind.COMPLETED, sickShot.kind(), sickShot.reason());
        assertTrue(sickShot.involvement().total() > 0.05, sickShot.involvement().toString());
        PrescreenResult calmShot = preview(List.of(screenshot(healthy.volume(), 16, false))).result();
        assertEquals(ResultKind.COMPLETED, calmShot.kind(), calmShot.reason());
        assertEquals(CtClass.CT0, calmShot.ctClass(), calmShot.involvement().toString());
    }

    @Test
    void videoColourAndOtherFilesAreNotAnalysable() throws Exception {
        byte[] mp4 = new byte[64];
        System.arraycopy("ftypisom".getBytes(StandardCharsets.US_ASCII), 0, mp4, 4, 8);
        PrescreenReport video = preview(List.of(mp4));
        assertEquals(NotAnalysableReason.VIDEO, video.result().notAnalysableReason());
        assertTrue(video.draftEnglish().contains("video"), video.draftEnglish());
        assertTrue(video.draftRussian().contains("видео"), video.draftRussian());

        assertEquals(NotAnalysableReason.NOT_GREYSCALE,
                preview(List.of(screenshot(sick.volume(), 16, true))).result().notAnalysableReason());
        assertEquals(NotAnalysableReason.UNSUPPORTED_FORMAT,
                preview(List.of("hello".getBytes(StandardCharsets.UTF_8))).result().notAnalysableReason());
        assertEquals(NotAnalysableReason.TOO_FEW_SLICES, preview(List.of()).result().notAnalysableReason());
        List<byte[]> mr = new SyntheticDicomSeries().modality("MR").bytes(healthy.volume(), 16);
        assertEquals(NotAnalysableReason.NOT_CT, preview(mr).result().notAnalysableReason());
    }

    /** The slice as a PACS viewer would show it in the lung window (W 1500, L -600), optionally tinted. */
    static byte[] screenshot(HuVolume v, int slice, boolean colour) throws Exception {
        BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                double g = (v.at(slice, y, x) + 1350) / 1500 * 255;
                int grey = (int) Math.max(0, Math.min(255, g));
                img.setRGB(x, y, colour ? (grey << 16) | (grey / 3 << 8) | 40 : grey * 0x010101);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.drawString("W1500 L-600", 4, 12); // viewer annotation: must not break the reader
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}

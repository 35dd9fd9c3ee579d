package org.teleris.consult.infrastructure.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.consult.application.dicomweb.InstanceContent;
import org.teleris.consult.testdata.SyntheticCt;

/** WADO-RS rendered images of a generated CT slice (body about +20 HU, air about -1000 HU) through PixelMed. */
class RenderedImageTest {

    @TempDir
    Path dir;

    private final PixelMedInstanceContent content = new PixelMedInstanceContent();

    private static double mean(byte[] encoded) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRaster().getSample(x, y, 0);
            }
        }
        return (double) sum / (image.getWidth() * image.getHeight());
    }

    @Test
    void pngAndJpegWithTheInstancesWindowOrTheOneAskedFor() throws Exception {
        Path slice = Files.write(dir.resolve("ct.dcm"), new SyntheticCt(5).slices(1, 64).get(0));
        byte[] png = content.rendered(slice, "image/png", null);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        byte[] jpeg = content.rendered(slice, "image/jpeg", null);
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
        assertEquals(64, ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth());

        // A window far below every value shows all white; far above, all black; the lung window lies between.
        double white = mean(content.rendered(slice, "image/png", new InstanceContent.Window(-3000, 10)));
        double black = mean(content.rendered(slice, "image/png", new InstanceContent.Window(3000, 10)));
        double lung = mean(content.rendered(slice, "image/png", new InstanceContent.Window(-600, 1500)));
        assertTrue(white > 250, "white: " + white);
        assertTrue(black < 5, "black: " + black);
        assertTrue(lung > black && lung < white, "lung window: " + lung);
        assertEquals(mean(png), mean(content.renderedPng(slice)), 0.001, "PNG without a window is the stored one");
    }

    @Test
    void onlyImageTypesAndPositiveWidths() {
        assertThrows(IllegalArgumentException.class, () -> new InstanceContent.Window(40, 0));
        assertThrows(IllegalArgumentException.class, () -> new InstanceContent.Window(Double.NaN, 400));
        Path none = dir.resolve("missing.dcm");
        assertThrows(IllegalArgumentException.class, () -> content.rendered(none, "image/gif", null));
    }
}

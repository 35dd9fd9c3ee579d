package org.teleris.anonymizer.infrastructure;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Finds text in an image with Debian's {@code tesseract} command line (English + Russian), returning word boxes.
 * The recognised text itself is discarded: only where text is matters.
 */
public final class TesseractOcr {

    /** Words below this confidence are usually texture, not text; masking them would damage anatomy. */
    private static final int MIN_CONFIDENCE = 45;
    private static final long TIMEOUT_SECONDS = 120;
    private final String executable;

    public TesseractOcr() {
        this("tesseract");
    }

    public TesseractOcr(String executable) {
        this.executable = executable;
    }

    /** Fails loudly if tesseract is missing: silently skipping OCR would let burned-in names through. */
    public List<Rectangle> findText(BufferedImage image) throws IOException {
        // Small text OCRs far better when enlarged; boxes are scaled back.
        int scale = Math.max(image.getWidth(), image.getHeight()) < 1000 ? 2 : 1;
        BufferedImage input = scale == 1 ? image : enlarge(image, scale);
        Path png = Files.createTempFile("ocr-", ".png");
        try {
            ImageIO.write(input, "png", png.toFile());
            ProcessBuilder pb = new ProcessBuilder(executable, png.toString(), "stdout", "-l", "eng+rus", "--psm", "11", "tsv");
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("tesseract failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
            return parse(new String(out, StandardCharsets.UTF_8), scale);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running tesseract", e);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private static BufferedImage enlarge(BufferedImage src, int scale) {
        BufferedImage big = new BufferedImage(src.getWidth() * scale, src.getHeight() * scale, BufferedImage.TYPE_BYTE_GRAY);
        var g = big.createGraphics();
        g.drawImage(src, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        return big;
    }

    static List<Rectangle> parse(String tsv, int scale) {
        List<Rectangle> boxes = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] c = line.split("\t");
            if (c.length < 12 || !"5".equals(c[0])) {
                continue;
            }
            String word = c[11].trim();
            double conf;
            try {
                conf = Double.parseDouble(c[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (conf < MIN_CONFIDENCE || word.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
                continue;
            }
            int x = Integer.parseInt(c[6]) / scale;
            int y = Integer.parseInt(c[7]) / scale;
            int w = (Integer.parseInt(c[8]) + scale - 1) / scale;
            int h = (Integer.parseInt(c[9]) + scale - 1) / scale;
            boxes.add(new Rectangle(x, y, w, h));
        }
        return boxes;
    }
}

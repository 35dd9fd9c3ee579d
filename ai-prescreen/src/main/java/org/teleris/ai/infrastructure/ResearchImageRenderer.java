package org.teleris.ai.infrastructure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.teleris.ai.domain.KeySlice;

/**
 * Draws a CT slice in the lung window with the finding map blended on top (yellow ground-glass,
 * red consolidation) and burns in the "FOR RESEARCH PURPOSES ONLY" marking, so that the label
 * cannot be separated from the pixels wherever the image travels.
 */
public final class ResearchImageRenderer {
    public static final String MARKING = "FOR RESEARCH PURPOSES ONLY";
    private static final double LEVEL = -600;
    private static final double WIDTH = 1500;
    private static final float ALPHA = 0.45f;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // servers and tests have no display
        }
    }

    /** Finding value (0..1) under a pixel. */
    @FunctionalInterface
    public interface FindingAt {
        float at(int row, int col);
    }

    public BufferedImage render(float[] hu, int rows, int cols, FindingAt finding, String caption) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double g = (hu[r * cols + c] - (LEVEL - WIDTH / 2)) / WIDTH * 255.0;
                int grey = (int) Math.max(0, Math.min(255, Math.round(g)));
                float f = finding.at(r, c);
                int red = grey;
                int green = grey;
                int blue = grey;
                if (f > 0) {
                    // 0.5 (ground-glass) yellow .. 1.0 (consolidation) red
                    double t = Math.max(0, Math.min(1, (f - 0.5) * 2));
                    int hr = 255;
                    int hg = (int) Math.round(220 * (1 - t) + 30 * t);
                    red = Math.round(grey * (1 - ALPHA) + hr * ALPHA);
                    green = Math.round(grey * (1 - ALPHA) + hg * ALPHA);
                    blue = Math.round(grey * (1 - ALPHA));
                }
                img.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        burnIn(img, caption);
        return img;
    }

    /** The report's heat map: the key slice, scaled up for legibility, as PNG bytes. */
    public byte[] heatMapPng(KeySlice key, String caption) {
        int scale = Math.max(1, 384 / Math.max(key.height(), key.width()));
        int rows = key.height() * scale;
        int cols = key.width() * scale;
        float[] hu = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                hu[r * cols + c] = key.hu()[(r / scale) * key.width() + c / scale];
            }
        }
        BufferedImage img = render(hu, rows, cols, (r, c) -> key.finding()[(r / scale) * key.width() + c / scale], caption);
        return png(img);
    }

    public static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void burnIn(BufferedImage img, String caption) {
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.max(10, img.getWidth() / 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            int band = size + size / 2;
            g.setColor(new Color(0, 0, 0));
            g.fillRect(0, 0, img.getWidth(), band);
            g.setColor(new Color(255, 255, 0));
            int textWidth = g.getFontMetrics().stringWidth(MARKING);
            g.drawString(MARKING, Math.max(2, (img.getWidth() - textWidth) / 2), size + size / 6);
            if (caption != null && !caption.isBlank()) {
                int small = Math.max(9, size * 2 / 3);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, small));
                g.setColor(Color.BLACK);
                g.fillRect(0, img.getHeight() - small - small / 2, img.getWidth(), small + small / 2);
                g.setColor(Color.WHITE);
                g.drawString(caption, 4, img.getHeight() - small / 3);
            }
        } finally {
            g.dispose();
        }
    }
}

package org.teleris.it;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Preview files with the PHI that screenshots really carry, and a few hostile ones. */
final class TestImages {

    static final String GPS_MARKER = "GPSLatitude 55.7558N";
    static final String BURNED_IN_NAME = "IVANOV IVAN";

    private TestImages() {
    }

    /** A viewer screenshot: a patient name in the corner, and EXIF with GPS and the name again. */
    static byte[] screenshotWithNameAndGps() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(120, 120, 120));
        g.fillOval(120, 90, 400, 300);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(BURNED_IN_NAME, 12, 40);
        g.dispose();
        byte[] jpeg = encode(image, "jpg");
        byte[] exif = ("Exif\0\0" + GPS_MARKER + " Artist: Ivanov Ivan").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + exif.length + 4);
        out.put(jpeg, 0, 2);                                      // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);   // APP1
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A Windows executable named like a picture. */
    static byte[] renamedExecutable() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 39);
        return exe;
    }

    /** A tiny PNG whose header declares 60000 x 60000 pixels: decoding it would take gigabytes. */
    static byte[] decompressionBombPng() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(60000).putInt(60000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

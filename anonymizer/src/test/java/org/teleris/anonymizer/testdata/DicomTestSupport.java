package org.teleris.anonymizer.testdata;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Test helpers: real tools (dciodvfy, dcmtk, tesseract), raw byte search, PixelMed reading of outputs. */
public final class DicomTestSupport {

    private DicomTestSupport() {
    }

    public static AttributeList read(Path file) throws IOException, DicomException {
        AttributeList l = new AttributeList();
        l.setDecompressPixelData(false);
        l.read(new File(file.toString()));
        return l;
    }

    public static String value(AttributeList l, int group, int element) {
        return Attribute.getDelimitedStringValuesOrEmptyString(l, new AttributeTag(group, element)).trim();
    }

    public static AttributeList item(AttributeList l, int group, int element, int index) {
        SequenceAttribute s = (SequenceAttribute) l.get(new AttributeTag(group, element));
        return s == null || s.getNumberOfItems() <= index ? null : s.getItem(index).getAttributeList();
    }

    public static byte[] pixelBytes(AttributeList l) throws DicomException {
        Attribute a = l.get(new AttributeTag(0x7FE0, 0x0010));
        return a == null ? null : a.getByteValues(true);
    }

    /** Where a value occurs in raw bytes, in any of the charsets (original, upper and lower case), or -1. */
    public static int find(byte[] haystack, String value, Set<Charset> charsets) {
        for (Charset cs : charsets) {
            if (!cs.newEncoder().canEncode(value)) {
                continue;
            }
            for (String variant : List.of(value, value.toUpperCase(Locale.ROOT), value.toLowerCase(Locale.ROOT))) {
                int at = indexOf(haystack, variant.getBytes(cs));
                if (at >= 0) {
                    return at;
                }
            }
        }
        return -1;
    }

    public static Set<Charset> charsetsFor(String specificCharacterSet) {
        Set<Charset> s = new LinkedHashSet<>();
        if ("ISO_IR 144".equals(specificCharacterSet)) {
            s.add(Charset.forName("ISO-8859-5"));
        }
        s.add(StandardCharsets.ISO_8859_1);
        s.add(StandardCharsets.UTF_8);
        s.add(StandardCharsets.US_ASCII);
        s.add(Charset.forName("ISO-8859-5"));
        return s;
    }

    public static int indexOf(byte[] h, byte[] n) {
        outer:
        for (int i = 0; i <= h.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (h[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** dciodvfy's errors, with quoted values removed so that the same problem compares equal before and after. */
    public static Set<String> dciodvfyErrors(Path file) throws IOException, InterruptedException {
        String out = run(List.of("dciodvfy", file.toString()), 120);
        Set<String> errors = new TreeSet<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line.replaceAll("= <[^>]*>", "= <>").replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\[[0-9]+\\]", "[]")
                        .replaceAll("ReferencedSOPInstanceUID \\S+", "ReferencedSOPInstanceUID <uid>")
                        .replaceAll("(?=[0-9.]{12,})[0-9]+(\\.[0-9]+)+", "<uid>"));
            }
        }
        return errors;
    }

    /** Runs a command, failing (not skipping) when the tool is missing: scripts/setup installs all of them. */
    public static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("required tool missing: " + command.get(0) + " (run scripts/setup)", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " timed out");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    public static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }
}

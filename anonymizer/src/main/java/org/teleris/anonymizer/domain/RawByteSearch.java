package org.teleris.anonymizer.domain;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Looks for source values in encoded bytes, case-insensitively. ASCII values are searched once in the bytes with
 * ASCII letters upper-cased (every ASCII-compatible charset encodes them alike); other values are searched in the
 * bytes decoded with each charset the file may use. Keeps a clean file cheap: one pass per value on a few KB.
 */
final class RawByteSearch {

    private RawByteSearch() {
    }

    static List<Finding> find(byte[] haystack, Set<String> needles, Set<Charset> charsets) {
        List<Finding> findings = new ArrayList<>();
        if (haystack == null || needles.isEmpty()) {
            return findings;
        }
        String ascii = null;
        List<String> decoded = null;
        List<Charset> decodedWith = new ArrayList<>();
        for (String needle : needles) {
            if (isAscii(needle)) {
                if (ascii == null) {
                    ascii = upperAscii(haystack);
                }
                int at = NeedleSearch.indexOf(ascii, needle);
                if (at >= 0) {
                    findings.add(finding(at, "ASCII"));
                }
                continue;
            }
            if (decoded == null) {
                decoded = new ArrayList<>();
                for (Charset cs : charsets) {
                    if (!cs.equals(StandardCharsets.US_ASCII)) {
                        decoded.add(new String(haystack, cs).toUpperCase(Locale.ROOT));
                        decodedWith.add(cs);
                    }
                }
            }
            for (int i = 0; i < decoded.size(); i++) {
                int at = NeedleSearch.indexOf(decoded.get(i), needle);
                if (at >= 0) {
                    findings.add(finding(at, decodedWith.get(i).name()));
                    break;
                }
            }
        }
        return findings;
    }

    private static Finding finding(int at, String charset) {
        return new Finding("raw-bytes@~" + at, FindingKind.SOURCE_VALUE_IN_RAW_BYTES,
                "a value removed from the source is still encoded in the file (" + charset + ")");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Latin-1 view of the bytes with only a-z upper-cased, so the string stays compact and indexOf stays fast. */
    private static String upperAscii(byte[] bytes) {
        byte[] upper = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            upper[i] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
        }
        return new String(upper, StandardCharsets.ISO_8859_1);
    }
}

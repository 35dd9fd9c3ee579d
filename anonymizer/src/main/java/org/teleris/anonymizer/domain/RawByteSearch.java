package org.teleris.anonymizer.domain;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Looks for source values in encoded bytes, in every charset the file may use, in upper and original case. */
final class RawByteSearch {

    private RawByteSearch() {
    }

    static List<Finding> find(byte[] haystack, Set<String> needles, Set<Charset> charsets) {
        List<Finding> findings = new ArrayList<>();
        if (haystack == null) {
            return findings;
        }
        for (String needle : needles) {
            for (Charset cs : charsets) {
                if (!cs.newEncoder().canEncode(needle)) {
                    continue;
                }
                int at = indexOf(haystack, needle.getBytes(cs));
                if (at < 0) {
                    at = indexOf(haystack, needle.toLowerCase(Locale.ROOT).getBytes(cs));
                }
                if (at < 0) {
                    at = indexOf(haystack, capitalise(needle).getBytes(cs));
                }
                if (at >= 0) {
                    findings.add(new Finding("raw-bytes@" + at, FindingKind.SOURCE_VALUE_IN_RAW_BYTES,
                            "a value removed from the source is still encoded in the file (" + cs.name() + ")"));
                    break;
                }
            }
        }
        return findings;
    }

    private static String capitalise(String upper) {
        return upper.isEmpty() ? upper : upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }

    static int indexOf(byte[] h, byte[] n) {
        if (n.length == 0) {
            return -1;
        }
        outer:
        for (int i = 0; i <= h.length - n.length; i++) {
            if (h[i] != n[0]) {
                continue;
            }
            for (int j = 1; j < n.length; j++) {
                if (h[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

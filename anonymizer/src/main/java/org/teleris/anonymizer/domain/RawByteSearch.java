package org.teleris.anonymizer.domain;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Looks for source values in encoded bytes, case-insensitively. ASCII values are searched in the bytes with ASCII
 * letters upper-cased (every ASCII-compatible charset encodes them alike); other values are searched in the bytes
 * decoded with each charset the file may use. All values of one kind are found in a single pass
 * ({@link MultiNeedleSearch}), so a clean file costs one pass over its data set, however many values it had.
 */
final class RawByteSearch {

    private RawByteSearch() {
    }

    static List<Finding> find(byte[] haystack, Set<String> needles, Set<Charset> charsets) {
        return haystack == null ? new ArrayList<>()
                : find(haystack, 0, haystack.length, SearchableNeedles.of(needles), charsets);
    }

    /**
     * Searches {@code haystack[from, to)}: ASCII needles in one pass over the bytes, the others in one pass per
     * charset over the decoded text (only when there are such needles). Findings follow the needles' order.
     */
    static List<Finding> find(byte[] haystack, int from, int to, SearchableNeedles prepared, Set<Charset> charsets) {
        return find(haystack, from, to, prepared, charsets, needle -> true);
    }

    /** As above; a value found is reported only if {@code reportable} agrees (asked only about values found). */
    static List<Finding> find(byte[] haystack, int from, int to, SearchableNeedles prepared, Set<Charset> charsets,
                              java.util.function.Predicate<String> reportable) {
        List<Finding> findings = new ArrayList<>();
        Set<String> needles = prepared.needles();
        if (haystack == null || needles.isEmpty()) {
            return findings;
        }
        boolean anyAscii = false;
        boolean anyOther = false;
        for (String needle : needles) {
            boolean ascii = isAscii(needle);
            anyAscii |= ascii;
            anyOther |= !ascii;
        }
        MultiNeedleSearch search = prepared.search();
        int[] asciiAt = anyAscii ? search.firstOccurrences(haystack, from, to) : null;
        List<int[]> otherAt = new ArrayList<>();
        List<Charset> decodedWith = new ArrayList<>();
        if (anyOther) {
            for (Charset cs : charsets) {
                if (!cs.equals(StandardCharsets.US_ASCII)) {
                    String decoded = new String(haystack, from, to - from, cs).toUpperCase(Locale.ROOT);
                    otherAt.add(search.firstOccurrences(decoded));
                    decodedWith.add(cs);
                }
            }
        }
        for (String needle : needles) {
            int k = prepared.slot(needle);
            if (isAscii(needle)) {
                if (asciiAt[k] >= 0 && reportable.test(needle)) {
                    findings.add(finding(asciiAt[k], "ASCII"));
                }
                continue;
            }
            for (int i = 0; i < otherAt.size(); i++) {
                int at = otherAt.get(i)[k];
                if (at >= 0) {
                    if (reportable.test(needle)) {
                        findings.add(finding(at, decodedWith.get(i).name()));
                    }
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
}

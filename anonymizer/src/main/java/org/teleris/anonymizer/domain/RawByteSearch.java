package org.teleris.anonymizer.domain;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks for source values in encoded bytes, in every charset the file may use. The bytes are decoded once per
 * charset and upper-cased, and all needles are matched in one pass, so every letter case is covered cheaply.
 */
final class RawByteSearch {

    private RawByteSearch() {
    }

    static List<Finding> find(byte[] haystack, Set<String> needles, Set<Charset> charsets) {
        List<Finding> findings = new ArrayList<>();
        if (haystack == null || needles.isEmpty()) {
            return findings;
        }
        NeedleMatcher matcher = new NeedleMatcher(needles);
        Set<String> reported = new HashSet<>();
        for (Charset cs : charsets) {
            String text = new String(haystack, cs).toUpperCase(Locale.ROOT);
            for (Map.Entry<String, Integer> hit : matcher.find(text).entrySet()) {
                if (reported.add(hit.getKey())) {
                    findings.add(new Finding("raw-bytes@~" + (hit.getValue() - hit.getKey().length()),
                            FindingKind.SOURCE_VALUE_IN_RAW_BYTES,
                            "a value removed from the source is still encoded in the file (" + cs.name() + ")"));
                }
            }
        }
        return findings;
    }
}

package org.teleris.anonymizer.domain;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Maps Specific Character Set defined terms to Java charsets, so raw bytes are searched the way the file encodes text. */
public final class DicomCharsets {

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO_IR 166", "TIS-620"),
            Map.entry("ISO_IR 13", "Shift_JIS"), Map.entry("ISO 2022 IR 87", "ISO-2022-JP"),
            Map.entry("ISO 2022 IR 149", "EUC-KR"), Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private DicomCharsets() {
    }

    /** The charsets to search: those declared, plus UTF-8 and US-ASCII (mislabelled files are common). */
    public static Set<Charset> forSearch(String specificCharacterSet) {
        Set<Charset> result = new LinkedHashSet<>();
        if (specificCharacterSet != null) {
            for (String term : specificCharacterSet.split("\\\\")) {
                String javaName = JAVA_NAMES.get(term.trim());
                if (javaName != null && Charset.isSupported(javaName)) {
                    result.add(Charset.forName(javaName));
                }
            }
        }
        result.add(StandardCharsets.UTF_8);
        result.add(StandardCharsets.US_ASCII);
        return result;
    }
}

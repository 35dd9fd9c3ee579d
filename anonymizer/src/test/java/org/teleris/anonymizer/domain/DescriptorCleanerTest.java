package org.teleris.anonymizer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written descriptor cleaner against the regex version it replaced, on fixed cases and random text. */
class DescriptorCleanerTest {

    private static final Set<String> TERMS = Set.of("CHEST", "CT", "AXIAL", "LUNG", "ОГК", "КТ", "ГРУДНОЙ", "1.25MM");
    private final DescriptorCleaner cleaner = new DescriptorCleaner(TERMS);

    @Test
    void keepsAllowedWordsAndShortNumbersOnly() {
        assertEquals("CHEST CT 1.25mm", cleaner.clean("CHEST CT for Johanna Smithson 1.25mm"));
        assertEquals("КТ ОГК 5", cleaner.clean("КТ ОГК Иванов П. 5"));
        assertEquals("CT", cleaner.clean("CT +7 912 555 0199"), "a phone number is a run of digits, not short numbers");
        assertEquals("CT 12.03", cleaner.clean("CT 12.03"), "four digits in a run are kept");
        assertEquals("CT", cleaner.clean("CT 12.03.1958"));
    }

    @Test
    void agreesWithTheRegularExpressionsItReplacedOnRandomText() {
        String alphabet = "0123456789 .-+/()\t\nABCMSKVLxyzЖКТоп١٢٣²Ⅻ,;:_@#é";
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(10) == 0) {
                b.append("\uD835\uDFCE"); // a supplementary digit (MATHEMATICAL BOLD DIGIT ZERO)
            }
            String text = b.toString();
            assertEquals(Reference.clean(text, TERMS), cleaner.clean(text), () -> "text: " + text);
        }
    }

    /** The regex implementation, as it was before it was written by hand. */
    private static final class Reference {
        static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}.]+");
        static final Pattern SHORT_NUMBER = Pattern.compile("\\d{1,3}([.]\\d{1,2})?(MM|CM|KV|MAS|S|ML)?");
        static final Pattern NUMBER_RUN = Pattern.compile("\\d[\\d\\s()+\\-./]*\\d");

        static String clean(String text, Set<String> allowed) {
            StringBuilder out = new StringBuilder();
            Matcher m = TOKEN.matcher(withoutNumberRuns(text));
            while (m.find()) {
                String token = DescriptorCleaner.withoutOuterDots(m.group());
                String upper = token.toUpperCase(Locale.ROOT);
                if (allowed.contains(upper) || SHORT_NUMBER.matcher(upper).matches()) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(token);
                }
            }
            return out.toString();
        }

        static String withoutNumberRuns(String text) {
            Matcher run = NUMBER_RUN.matcher(text);
            StringBuilder kept = new StringBuilder();
            while (run.find()) {
                long digits = run.group().chars().filter(Character::isDigit).count();
                run.appendReplacement(kept, digits >= 6 ? " " : Matcher.quoteReplacement(run.group()));
            }
            run.appendTail(kept);
            return kept.toString();
        }
    }
}

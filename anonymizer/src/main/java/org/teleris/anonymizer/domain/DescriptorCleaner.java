package org.teleris.anonymizer.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Clean Descriptors / Clean Structured Content for free text: keep only words on a clinical allow-list (English and
 * Russian) and short numbers such as slice thickness; everything else, which is where names hide, is dropped.
 */
public final class DescriptorCleaner {

    /**
     * Digits with only separators between them ("+7 912 555 0199", "12.03.1958") holding this many digits are
     * dropped: short groups would each pass as a number, together they are a phone number, a date of birth or an id.
     */
    private static final int RUN_DIGITS = 6;
    private final Set<String> allowed;
    private final AllowedWords allowedWords;

    public DescriptorCleaner(Set<String> allowedTerms) {
        Set<String> upper = new HashSet<>();
        for (String t : allowedTerms) {
            upper.add(t.trim().toUpperCase(Locale.ROOT));
        }
        this.allowed = Set.copyOf(upper);
        this.allowedWords = AllowedWords.of(allowed);
    }

    public static DescriptorCleaner standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final DescriptorCleaner STANDARD = fromResource("profile/descriptor-terms.txt");
    }

    static DescriptorCleaner fromResource(String path) {
        Set<String> terms = new HashSet<>();
        try (InputStream in = DescriptorCleaner.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("allow-list resource missing: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    terms.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DescriptorCleaner(terms);
    }

    public Set<String> allowedTerms() {
        return allowed;
    }

    /** The allow-list as the verifier needs it: normalised (upper case), and joined for substring checks. */
    public AllowedWords allowedWords() {
        return allowedWords;
    }

    /** Allowed words, upper-cased as {@link SourceIdentifiers} normalises, and joined once with NUL separators. */
    public record AllowedWords(Set<String> normalised, String joined) {
        static final AllowedWords NONE = new AllowedWords(Set.of(), "");

        static AllowedWords of(Set<String> words) {
            Set<String> normalised = new HashSet<>();
            for (String w : words) {
                normalised.add(SourceIdentifiers.normalise(w));
            }
            return new AllowedWords(Set.copyOf(normalised), String.join("\u0000", normalised));
        }
    }

    // clean() runs for every descriptor of every file, so its matching is written by hand: a regex engine is a
    // large piece of code for the JIT of every short CLI run. The regexes it replaced are the reference in
    // DescriptorCleanerTest: [\p{L}\p{N}.]+ (tokens), \d{1,3}([.]\d{1,2})?(MM|CM|KV|MAS|S|ML)? (short numbers),
    // \d[\d\s()+\-./]*\d (number runs).

    public String clean(String text) {
        String t = withoutNumberRuns(text);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (!isTokenChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < t.length() && isTokenChar(t.codePointAt(i))) {
                i += Character.charCount(t.codePointAt(i));
            }
            String token = withoutOuterDots(t.substring(start, i));
            String upper = token.toUpperCase(Locale.ROOT);
            if (allowed.contains(upper) || isShortNumber(upper)) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(token);
            }
        }
        return out.toString();
    }

    /** A letter, a number (decimal, letter-like or other) or a full stop. */
    private static boolean isTokenChar(int cp) {
        if (cp == '.' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** 1-3 digits, optionally a full stop and 1-2 digits, optionally a unit (MM, CM, KV, MAS, S, ML). */
    static boolean isShortNumber(String s) {
        int i = 0;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        if (i < 1 || i > 3) {
            return false;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            int fraction = i + 1;
            int j = fraction;
            while (j < s.length() && isAsciiDigit(s.charAt(j))) {
                j++;
            }
            if (j - fraction >= 1 && j - fraction <= 2) {
                i = j;
            }
        }
        String unit = s.substring(i);
        return unit.isEmpty() || unit.equals("MM") || unit.equals("CM") || unit.equals("KV") || unit.equals("MAS")
                || unit.equals("S") || unit.equals("ML");
    }

    /** The token without leading and trailing full stops (a hand-written {@code replaceAll("^[.]+|[.]+$", "")}). */
    static String withoutOuterDots(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '.') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '.') {
            end--;
        }
        return token.substring(start, end);
    }

    private static boolean isRunChar(char c) {
        return isAsciiDigit(c) || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                || c == '(' || c == ')' || c == '+' || c == '-' || c == '.' || c == '/';
    }

    /** Replaces each run of digits and separators (from a digit to the last digit) that holds 6+ digits by a space. */
    static String withoutNumberRuns(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c)) {
                kept.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            int lastDigit = -1;
            while (end < text.length() && isRunChar(text.charAt(end))) {
                if (isAsciiDigit(text.charAt(end))) {
                    lastDigit = end;
                }
                end++;
            }
            if (lastDigit < 0) {
                kept.append(c);
                i++;
                continue;
            }
            int digits = 0;
            for (int k = i; k <= lastDigit; k++) {
                digits += isAsciiDigit(text.charAt(k)) ? 1 : 0;
            }
            kept.append(digits >= RUN_DIGITS ? " " : text.substring(i, lastDigit + 1));
            i = lastDigit + 1;
        }
        return kept.toString();
    }
}

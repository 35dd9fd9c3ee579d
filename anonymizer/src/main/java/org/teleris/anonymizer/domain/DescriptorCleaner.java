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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clean Descriptors / Clean Structured Content for free text: keep only words on a clinical allow-list (English and
 * Russian) and short numbers such as slice thickness; everything else, which is where names hide, is dropped.
 */
public final class DescriptorCleaner {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}.]+");
    private static final Pattern SHORT_NUMBER = Pattern.compile("\\d{1,3}([.]\\d{1,2})?(MM|CM|KV|MAS|S|ML)?");
    /**
     * Digits with only separators between them ("+7 912 555 0199", "12.03.1958"): short groups would
     * each pass as a number, together they are a phone number, a date of birth or an id.
     */
    private static final Pattern NUMBER_RUN = Pattern.compile("\\d[\\d\\s()+\\-./]*\\d");
    private static final int RUN_DIGITS = 6;
    private final Set<String> allowed;

    public DescriptorCleaner(Set<String> allowedTerms) {
        Set<String> upper = new HashSet<>();
        for (String t : allowedTerms) {
            upper.add(t.trim().toUpperCase(Locale.ROOT));
        }
        this.allowed = Set.copyOf(upper);
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

    public String clean(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(withoutNumberRuns(text));
        while (m.find()) {
            String token = withoutOuterDots(m.group());
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

    private static String withoutNumberRuns(String text) {
        Matcher run = NUMBER_RUN.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (run.find()) {
            long digits = run.group().chars().filter(Character::isDigit).count();
            run.appendReplacement(kept, digits >= RUN_DIGITS ? " " : Matcher.quoteReplacement(run.group()));
        }
        run.appendTail(kept);
        return kept.toString();
    }
}

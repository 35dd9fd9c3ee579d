package org.teleris.anonymizer.domain;

import java.util.Set;
import java.util.regex.Pattern;

/** Shapes of PHI that need no source to be recognised: e-mail addresses, phone numbers, long digit runs. */
public final class PhiPatterns {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("(\\+\\d[\\d ()\\-]{8,}\\d)|(\\(\\d{3,5}\\)[\\d \\-]{5,}\\d)|(\\d{3}[ -]\\d{2,3}[ -]\\d{2}[ -]?\\d{2})");
    static final Set<String> FREE_TEXT_VRS = Set.of("LO", "SH", "ST", "LT", "UT", "UC", "PN");
    private static final Set<String> NARRATIVE_VRS = Set.of("ST", "LT", "UT", "UC", "PN");
    /** Kept attributes whose values are version strings or numbers that can legitimately have long digit runs. */
    private static final Set<Tag> DIGITS_ALLOWED = Set.of(new Tag(0x0018, 0x1020), new Tag(0x0008, 0x1090),
            new Tag(0x0018, 0x1030), new Tag(0x0008, 0x0104), new Tag(0x0008, 0x0100));

    private PhiPatterns() {
    }

    public static FindingKind classify(Tag tag, String vr, String value) {
        if (!FREE_TEXT_VRS.contains(vr) || value.isBlank()) {
            return null;
        }
        // Count first and run a regex only when its shape can match: an e-mail needs '@'; a phone number at least
        // 7 digits and a '+', '(' or a separator between digit groups; a long digit run 7 digits in a row.
        int digits = 0;
        int run = 0;
        int longestRun = 0;
        boolean at = false;
        boolean phoneMark = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean digit = Character.isDigit(ch);
            digits += digit ? 1 : 0;
            run = digit ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
            at |= ch == '@';
            phoneMark |= ch == '+' || ch == '(' || ch == ' ' || ch == '-';
        }
        if (at && EMAIL.matcher(value).find()) {
            return FindingKind.EMAIL;
        }
        if (digits >= 7 && phoneMark && PHONE.matcher(value).find()) {
            return FindingKind.PHONE_NUMBER;
        }
        // Long digit runs are suspicious in narrative text only: LO/SH hold codes, serials and versions that an
        // option may keep on purpose (e.g. Retain Device Identity).
        if (longestRun >= 7 && NARRATIVE_VRS.contains(vr) && !DIGITS_ALLOWED.contains(tag) && !tag.isPrivate()) {
            return FindingKind.IDENTIFIER_LIKE;
        }
        return null;
    }

    /** Person names allowed in output: empty, our dummy and our pseudonyms. */
    public static boolean isAllowedPersonName(String value) {
        String v = value.trim();
        return v.isEmpty() || v.replace("^", "").equals(DummyValues.PERSON) || Pseudonym.looksLikePseudonym(v);
    }

    /**
     * For files anonymised by someone else: a patient name that is a code (has a digit, or says ANON) is taken as a
     * pseudonym; purely alphabetic names look real and are refused.
     */
    public static boolean isPlausibleForeignPseudonym(String value) {
        String v = value.trim();
        return isAllowedPersonName(v) || v.chars().anyMatch(Character::isDigit)
                || v.toUpperCase(java.util.Locale.ROOT).contains("ANON");
    }
}

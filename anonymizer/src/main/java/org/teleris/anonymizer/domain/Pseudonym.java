package org.teleris.anonymizer.domain;

/**
 * A patient's stable stand-in within one organisation: the text written into PatientName and PatientID, and the
 * number of days all of this patient's dates move (negative, the same for every study of the pseudonym).
 */
public record Pseudonym(String id, int dateShiftDays) {

    public static final String PREFIX = "ANON";

    /** {@code ANON} + 12 base-32 characters (A-Z, 2-7) + optional carets; by hand: it runs for every person name. */
    public static boolean looksLikePseudonym(String value) {
        int body = PREFIX.length() + 12;
        if (value.length() < body || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < body; i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        for (int i = body; i < value.length(); i++) {
            if (value.charAt(i) != '^') {
                return false;
            }
        }
        return true;
    }
}

package org.teleris.anonymizer.domain;

/**
 * A patient's stable stand-in within one organisation: the text written into PatientName and PatientID, and the
 * number of days all of this patient's dates move (negative, the same for every study of the pseudonym).
 */
public record Pseudonym(String id, int dateShiftDays) {

    public static final String PREFIX = "ANON";

    public static boolean looksLikePseudonym(String value) {
        return value.matches(PREFIX + "[A-Z2-7]{12}(\\^*)");
    }
}

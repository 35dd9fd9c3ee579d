package org.teleris.anonymizer.domain;

/**
 * Finds a source value in text. Short values (a 3-letter name part, a 4-character id) are only matched as whole
 * words: "PRE" from a name prefix must not be found inside the kept code string "PREDECESSOR".
 */
final class NeedleSearch {

    static final int WHOLE_WORD_BELOW = 6;

    private NeedleSearch() {
    }

    /** Index of the first acceptable occurrence, or -1. {@code text} and {@code needle} are both upper case. */
    static int indexOf(String text, String needle) {
        int from = 0;
        while (true) {
            int at = text.indexOf(needle, from);
            if (at < 0 || needle.length() >= WHOLE_WORD_BELOW || isWholeWord(text, at, needle.length())) {
                return at;
            }
            from = at + 1;
        }
    }

    private static boolean isWholeWord(String text, int at, int length) {
        boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
        int end = at + length;
        boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
        return startOk && endOk;
    }
}

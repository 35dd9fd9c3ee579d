package org.teleris.anonymizer.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every identifying value of the source instance (what the profile removed, replaced or cleaned, incl. private
 * values and original UIDs), minus values the profile legitimately kept elsewhere in the file (e.g. a manufacturer
 * name repeated in a private tag), so the verifier can look for them in the output.
 */
public final class SourceIdentifiers {

    private static final Set<String> TEXT_VRS = Set.of("PN", "LO", "SH", "ST", "LT", "UT", "UC", "AE", "DA", "DT", "UI", "UN", "OB");
    private static final int MIN_PRINTABLE_RUN = 4;
    private static final int MIN_LENGTH = 4;
    private static final int MIN_NAME_PART = 3;
    private static final int MIN_DIGITS = 6;

    private final Set<String> identifying = new HashSet<>();
    private final Set<String> personNames = new HashSet<>();
    private final Set<String> kept = new HashSet<>();
    private final Set<String> generated = new HashSet<>();
    private DescriptorCleaner.AllowedWords allowedWords = DescriptorCleaner.AllowedWords.NONE;

    /** A value the profile did not keep as is. */
    public void addReplaced(String vr, String value) {
        if (value == null || !TEXT_VRS.contains(vr)) {
            return;
        }
        if ("UN".equals(vr) || "OB".equals(vr)) {
            addPrintableRuns(value);
            return;
        }
        String v = value.trim();
        if (v.startsWith("1.2.840.10008.")) {
            return; // standard class and syntax UIDs identify nothing
        }
        if (v.length() >= MIN_LENGTH) {
            identifying.add(normalise(v));
        }
        if ("PN".equals(vr)) {
            if (v.length() >= MIN_LENGTH) {
                personNames.add(normalise(v));
            }
            int start = 0;
            for (int i = 0; i <= v.length(); i++) { // components split at '^' and '=' (by hand: once per name)
                if (i == v.length() || v.charAt(i) == '^' || v.charAt(i) == '=') {
                    String component = v.substring(start, i).trim();
                    if (component.length() >= MIN_NAME_PART) {
                        identifying.add(normalise(component));
                        personNames.add(normalise(component));
                    }
                    start = i + 1;
                }
            }
        }
        // Words of other free text are not looked for on their own: "Imaging" or "Memorial" would match code
        // meanings everywhere. Names inside free text are caught through the PN components above.
    }

    /** Binary private blobs: only readable text runs with letters can be names or ids worth looking for. */
    private void addPrintableRuns(String latin1) {
        int start = -1;
        for (int i = 0; i <= latin1.length(); i++) {
            boolean printable = i < latin1.length() && latin1.charAt(i) >= 0x20 && latin1.charAt(i) <= 0x7E;
            if (printable && start < 0) {
                start = i;
            } else if (!printable && start >= 0) {
                if (i - start >= MIN_PRINTABLE_RUN) {
                    addPrintableRun(latin1.substring(start, i).trim());
                }
                start = -1;
            }
        }
    }

    private void addPrintableRun(String run) {
        int letters = 0;
        for (int i = 0; i < run.length(); i++) {
            letters += Character.isLetter(run.charAt(i)) ? 1 : 0;
        }
        // 0xFF runs and short letter soup are what binary looks like as text; three letters make a word.
        if (run.length() >= MIN_LENGTH && letters >= 3) {
            identifying.add(normalise(run));
        }
    }

    /**
     * A whole value the profile kept (e.g. the manufacturer, repeated in a private tag): not identifying. Only whole
     * values count: a name inside a kept code meaning must still be found.
     */
    public void addKept(String value) {
        if (value != null && !value.isBlank()) {
            kept.add(normalise(value.trim()));
        }
    }

    /**
     * A value we wrote ourselves (pseudonym, dummies, de-identification method and codes): a source value that is
     * part of it (e.g. a source patient name "ANON") is not a leak.
     */
    public void addGenerated(String value) {
        if (value != null && !value.isBlank()) {
            generated.add(normalise(value.trim()));
        }
    }

    /**
     * Words the descriptor cleaner may keep: not identifying by definition. The cleaner's set is shared, not copied
     * (every file of a batch would otherwise upper-case and hash the whole allow-list again).
     */
    public void addAllowedWords(DescriptorCleaner.AllowedWords words) {
        allowedWords = words;
    }

    public Set<String> needles() {
        return prepare().needles();
    }

    /** The needles and the automaton over the candidates they were chosen from, for the raw-byte search. */
    SearchableNeedles prepare() {
        SearchableNeedles candidates = candidates();
        Set<String> result = new HashSet<>();
        for (String n : candidates.needles()) {
            if (!excused(n)) {
                result.add(n);
            }
        }
        return candidates.withNeedles(result);
    }

    /**
     * Every value that could be a needle (identifying and not kept as a whole), with one automaton over them. The
     * verifier searches the output for all of them and asks {@link #excused} only about those it found: a clean
     * file never pays for the excuses.
     */
    SearchableNeedles candidates() {
        Set<String> candidates = new HashSet<>(identifying);
        candidates.removeAll(kept);
        candidates.removeIf(allowedWords.normalised()::contains);
        List<String> list = new ArrayList<>(candidates);
        return new SearchableNeedles(list, new MultiNeedleSearch(list), candidates);
    }

    /** Is this candidate excused: part of a value we generated or (unless a person name) of one the profile kept? */
    boolean excused(String n) {
        if (generatedText == null) {
            generatedText = String.join("\u0000", generated);
            keptText = String.join("\u0000", kept);
        }
        return generatedText.contains(n)
                // A removed institution or station name that is part of a kept value (e.g. "TOSHIBA" in the
                // manufacturer "TOSHIBA_MEC") is the kept value's business; person names are never excused this way.
                || (!personNames.contains(n) && (keptText.contains(n) || allowedWords.joined().contains(n)))
                || n.equals(DummyValues.PERSON) || n.equals(DummyValues.TEXT)
                // short digit runs occur by chance inside 39-digit 2.25 UIDs and binary values
                || (n.length() < MIN_DIGITS && n.chars().allMatch(Character::isDigit));
    }

    private String generatedText;
    private String keptText;

    static String normalise(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}

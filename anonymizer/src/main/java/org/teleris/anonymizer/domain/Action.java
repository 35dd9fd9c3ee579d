package org.teleris.anonymizer.domain;

/** What is actually done to one attribute, after combined Annex E codes and options are resolved. */
public enum Action {
    /** X: remove the attribute. */
    REMOVE("X"),
    /** Z: keep the attribute with an empty value. */
    EMPTY("Z"),
    /** D: replace with a non-identifying dummy of the same VR. */
    DUMMY("D"),
    /** K: keep as is (sequences are still walked). */
    KEEP("K"),
    /** C: clean (shift dates, keep only allow-listed descriptor terms, clean structured content). */
    CLEAN("C"),
    /** U: replace the UID by its HMAC-derived 2.25 UID. */
    REMAP_UID("U"),
    /** Patient name / id: replace by the organisation's stable pseudonym (a D that stays linkable). */
    PSEUDONYM("D");

    private final String annexECode;

    Action(String annexECode) {
        this.annexECode = annexECode;
    }

    public String annexECode() {
        return annexECode;
    }
}

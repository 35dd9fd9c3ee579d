package org.teleris.anonymizer.domain;

/** What the profile needs to know about a value representation. */
public final class ValueRepresentations {

    private ValueRepresentations() {
    }

    /** Values that are text: the string VRs and the free-text ones. */
    public static boolean isText(String vr) {
        return isString(vr) || isFreeText(vr);
    }

    /** String VRs: short values, several per element, separated by backslashes. */
    public static boolean isString(String vr) {
        return switch (vr) {
            case "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "PN", "SH", "TM", "UC", "UI", "UR" -> true;
            default -> false;
        };
    }

    /** Free text: one value that may contain backslashes. */
    public static boolean isFreeText(String vr) {
        return "ST".equals(vr) || "LT".equals(vr) || "UT".equals(vr);
    }
}

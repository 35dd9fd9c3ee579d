package org.teleris.anonymizer.domain;

/** Non-identifying stand-ins for action D, valid for their VR so that Type 1 attributes stay valid. */
public final class DummyValues {

    public static final String PERSON = "ANONYMOUS";
    public static final String TEXT = "ANONYMIZED";

    private DummyValues() {
    }

    /** @return the dummy value, or null when the VR has none (binary VRs: emptied instead) */
    public static String forVr(String vr) {
        return switch (vr) {
            case "PN" -> PERSON;
            case "DA" -> "19000101";
            case "TM" -> "000000";
            case "DT" -> "19000101000000";
            case "AS" -> "000D";
            case "IS", "DS" -> "0";
            case "LO", "SH", "ST", "LT", "UT", "UC", "CS", "AE" -> TEXT;
            case "UR" -> "urn:none";
            default -> null;
        };
    }
}

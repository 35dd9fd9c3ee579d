package org.teleris.anonymizer.domain;

/**
 * Options of PS3.15 Annex E that this module supports, with their CID 7050 codes (scheme DCM) written into
 * DeidentificationMethodCodeSequence. The profile file has one column per option except Clean Pixel Data,
 * which acts on pixels rather than attributes.
 */
public enum ProfileOption {
    RETAIN_LONGITUDINAL_MODIFIED_DATES("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    RETAIN_PATIENT_CHARACTERISTICS("113108", "Retain Patient Characteristics Option"),
    RETAIN_DEVICE_IDENTITY("113109", "Retain Device Identity Option"),
    RETAIN_INSTITUTION_IDENTITY("113112", "Retain Institution Identity Option"),
    RETAIN_SAFE_PRIVATE("113111", "Retain Safe Private Option"),
    CLEAN_DESCRIPTORS("113105", "Clean Descriptors Option"),
    CLEAN_STRUCTURED_CONTENT("113104", "Clean Structured Content Option"),
    CLEAN_PIXEL_DATA("113101", "Clean Pixel Data Option");

    public static final String BASIC_PROFILE_CODE = "113100";
    public static final String BASIC_PROFILE_MEANING = "Basic Application Confidentiality Profile";

    private final String code;
    private final String meaning;

    ProfileOption(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Accepts the enum name in any case, with '-' for '_' (CLI friendly: {@code clean-descriptors}). */
    public static ProfileOption parse(String text) {
        String normalised = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (ProfileOption o : values()) {
            if (o.name().equals(normalised)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option '" + text + "'; known: " + java.util.Arrays.toString(values()));
    }
}

package org.teleris.anonymizer.domain;

import java.util.ArrayList;
import java.util.List;

/** What goes into DeidentificationMethod (0012,0063) and DeidentificationMethodCodeSequence (0012,0064), CID 7050. */
public final class DeidentificationMethod {

    /** A coded entry (scheme DCM). */
    public record Code(String value, String meaning) {
        public String scheme() {
            return "DCM";
        }
    }

    private DeidentificationMethod() {
    }

    /** LO, at most 64 characters: names the profile version so the administrator can audit which rules ran. */
    public static String description(ConfidentialityProfile profile) {
        String text = "TELERIS PS3.15 E.1-1 " + profile.version();
        return text.length() <= 64 ? text : text.substring(0, 64);
    }

    public static List<Code> codes(DeidentificationOptions options, boolean pixelsCleaned) {
        List<Code> codes = new ArrayList<>();
        codes.add(new Code(ProfileOption.BASIC_PROFILE_CODE, ProfileOption.BASIC_PROFILE_MEANING));
        for (ProfileOption o : ProfileOption.values()) {
            boolean applied = o == ProfileOption.CLEAN_PIXEL_DATA ? pixelsCleaned : options.has(o);
            if (applied) {
                codes.add(new Code(o.code(), o.meaning()));
            }
        }
        return codes;
    }
}

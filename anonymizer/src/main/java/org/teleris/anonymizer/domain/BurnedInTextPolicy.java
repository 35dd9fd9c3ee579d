package org.teleris.anonymizer.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an image must go through Clean Pixel Data. Ultrasound, secondary captures, angiography and
 * screenshots usually carry names burned into the pixels, and their BurnedInAnnotation flag is too often wrong to
 * be trusted when it says NO.
 */
public final class BurnedInTextPolicy {

    private static final Set<String> TEXT_PRONE_MODALITIES = Set.of("US", "SC", "XA", "OT", "ES", "XC", "DOC", "IVUS", "RF");
    private static final String SECONDARY_CAPTURE_CLASS_PREFIX = "1.2.840.10008.5.1.4.1.1.7";

    private BurnedInTextPolicy() {
    }

    public static boolean mustClean(String modality, String sopClassUid, String burnedInAnnotation, DeidentificationOptions options) {
        if (options.has(ProfileOption.CLEAN_PIXEL_DATA)) {
            return true;
        }
        if ("YES".equalsIgnoreCase(trim(burnedInAnnotation))) {
            return true;
        }
        return TEXT_PRONE_MODALITIES.contains(trim(modality).toUpperCase(Locale.ROOT))
                || trim(sopClassUid).startsWith(SECONDARY_CAPTURE_CLASS_PREFIX);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}

package org.teleris.anonymizer.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The switches for one de-identification run: Annex E options plus fixed pixel masks per device model.
 * Burned-in text cleaning also runs without CLEAN_PIXEL_DATA when an instance is likely to carry text (see
 * {@link BurnedInTextPolicy}); the option makes it run on every image.
 */
public record DeidentificationOptions(Set<ProfileOption> options, List<FixedMask> fixedMasks) {

    public DeidentificationOptions {
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
        fixedMasks = List.copyOf(fixedMasks);
    }

    public static DeidentificationOptions of(ProfileOption... options) {
        return new DeidentificationOptions(Set.of(options), List.of());
    }

    /** What the server uses for consultations: shifted (not removed) dates, age/sex/size kept, free text cleaned. */
    public static DeidentificationOptions serverDefaults() {
        return of(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES, ProfileOption.RETAIN_PATIENT_CHARACTERISTICS,
                ProfileOption.CLEAN_DESCRIPTORS, ProfileOption.CLEAN_STRUCTURED_CONTENT);
    }

    public DeidentificationOptions withFixedMasks(List<FixedMask> masks) {
        return new DeidentificationOptions(options, masks);
    }

    public boolean has(ProfileOption option) {
        return options.contains(option);
    }
}

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
        EnumSet<ProfileOption> copy = EnumSet.noneOf(ProfileOption.class);
        copy.addAll(options);
        // an EnumSet (a bit test per contains: the profile asks for every attribute), read-only
        options = java.util.Collections.unmodifiableSet(copy);
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

    /** The options' names in alphabetical order, as reports list them. */
    public List<String> names() {
        List<String> names = new java.util.ArrayList<>(options.size());
        for (ProfileOption o : options) {
            names.add(o.name());
        }
        java.util.Collections.sort(names);
        return List.copyOf(names);
    }

    public boolean has(ProfileOption option) {
        return options.contains(option);
    }
}

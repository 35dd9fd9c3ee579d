package org.teleris.anonymizer.domain;

/**
 * Annex E action codes as written in the profile file, including the combined ones. We cannot know per instance
 * whether an attribute is Type 1, 2 or 3 in its IOD, so combined codes resolve to the least disclosing action that
 * still leaves a valid object: anything that allows D keeps a dummy (X/Z/D too: Device Serial Number is Type 1 in
 * the Enhanced General Equipment module), X/Z keeps an empty value.
 */
public enum ActionCode {
    D, Z, X, K, C, U, Z_D, X_Z, X_D, X_Z_D, X_Z_U;

    public static ActionCode parse(String text) {
        String t = text.trim().replace("*", "").replace('/', '_');
        return valueOf(t);
    }

    public Action resolve() {
        return switch (this) {
            case D, Z_D, X_D, X_Z_D -> Action.DUMMY;
            case Z, X_Z -> Action.EMPTY;
            case X -> Action.REMOVE;
            case K -> Action.KEEP;
            case C -> Action.CLEAN;
            case U, X_Z_U -> Action.REMAP_UID;
        };
    }
}

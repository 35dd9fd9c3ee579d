package org.teleris.anonymizer.domain;

import java.util.Map;

/** One row of the profile file: a tag pattern ({@code x} = any hex digit), its basic code and per-option codes. */
public record ProfileRule(String tagPattern, String name, ActionCode basic, Map<ProfileOption, ActionCode> optionCodes) {

    public boolean matches(Tag tag) {
        String hex = String.format("%04X%04X", tag.group(), tag.element());
        for (int i = 0; i < 8; i++) {
            char p = tagPattern.charAt(i);
            if (p != 'x' && p != hex.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean isPattern() {
        return tagPattern.indexOf('x') >= 0;
    }
}

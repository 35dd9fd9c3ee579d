package org.teleris.anonymizer.domain;

import java.util.Map;

/** One row of the profile file: a tag pattern ({@code x} = any hex digit), its basic code and per-option codes. */
public record ProfileRule(String tagPattern, String name, ActionCode basic, Map<ProfileOption, ActionCode> optionCodes) {

    public boolean matches(Tag tag) {
        long value = ((long) tag.group() << 16) | tag.element();
        return (value & mask()) == fixedBits();
    }

    /** Bits of the 32-bit tag that the pattern fixes (an {@code x} frees one hex digit). */
    long mask() {
        long m = 0;
        for (int i = 0; i < 8; i++) {
            m = (m << 4) | (tagPattern.charAt(i) == 'x' ? 0 : 0xF);
        }
        return m;
    }

    long fixedBits() {
        return Long.parseLong(tagPattern.replace('x', '0'), 16);
    }

    public boolean isPattern() {
        return tagPattern.indexOf('x') >= 0;
    }
}

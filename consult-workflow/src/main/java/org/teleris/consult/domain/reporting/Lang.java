package org.teleris.consult.domain.reporting;

/** The two languages the service works in. */
public enum Lang {
    EN, RU;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code ru...} is Russian, anything else English. */
    public static Lang of(String code) {
        return code != null && code.toLowerCase(java.util.Locale.ROOT).startsWith("ru") ? RU : EN;
    }
}

package org.teleris.consult.domain.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The chest CT severity table of CLINICAL.md as data ({@code severity-table.properties}): class
 * texts (findings, clinical data, routing decision) and finding names in Russian and English, and
 * every threshold the rules use. Immutable once loaded.
 */
public final class SeverityTable {

    /** The table's columns. */
    public enum Column { NAME, FINDINGS, CLINICAL, DECISION }

    private static final SeverityTable STANDARD = load("severity-table.properties");

    private final Properties entries;

    private SeverityTable(Properties entries) {
        this.entries = entries;
    }

    public static SeverityTable standard() {
        return STANDARD;
    }

    static SeverityTable load(String resource) {
        try (InputStream in = SeverityTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("severity table resource missing: " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new SeverityTable(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(CtClass ctClass, Column column, Lang lang) {
        return required("class." + ctClass.name() + "." + column.name().toLowerCase(Locale.ROOT) + "." + lang.code());
    }

    /** The routing decision of a class: what the regional doctor should do. */
    public String routing(CtClass ctClass, Lang lang) {
        return text(ctClass, Column.DECISION, lang);
    }

    /** Name of a finding or distribution flag ({@code GGO}, {@code HYDROTHORAX}, {@code BILATERAL}...). */
    public String finding(String key, Lang lang) {
        return required("finding." + key + "." + lang.code());
    }

    public BigDecimal threshold(String id) {
        return new BigDecimal(required("threshold." + id).trim());
    }

    /** The words for an applied threshold, with its numbers filled in. */
    public String thresholdText(String id, Lang lang, Object... numbers) {
        return new MessageFormat(required("threshold.text." + id + "." + lang.code()), Locale.ROOT).format(numbers);
    }

    private String required(String key) {
        String value = entries.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("severity table has no entry " + key);
        }
        return value;
    }
}

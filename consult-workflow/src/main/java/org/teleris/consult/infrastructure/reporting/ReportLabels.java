package org.teleris.consult.infrastructure.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.teleris.consult.domain.reporting.Lang;

/** The labels of the delivered report in English and Russian ({@code report-pdf.properties}). */
final class ReportLabels {

    private static final Properties LABELS = new Properties();

    static {
        try (InputStream in = ReportLabels.class.getResourceAsStream("report-pdf.properties")) {
            LABELS.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportLabels() {
    }

    static String get(String key, Lang lang, Object... args) {
        String text = LABELS.getProperty(key + "." + lang.code());
        if (text == null) {
            throw new IllegalStateException("no label " + key + "." + lang.code());
        }
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }
}

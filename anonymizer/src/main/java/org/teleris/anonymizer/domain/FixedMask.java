package org.teleris.anonymizer.domain;

import java.util.Locale;

/**
 * A rectangle always blacked out on images of one device model (for overlays OCR may miss, e.g. low contrast).
 * {@code *} matches any manufacturer or model.
 */
public record FixedMask(String manufacturer, String model, int x, int y, int width, int height) {

    public boolean appliesTo(String imageManufacturer, String imageModel) {
        return matches(manufacturer, imageManufacturer) && matches(model, imageModel);
    }

    private static boolean matches(String pattern, String value) {
        return "*".equals(pattern) || (value != null
                && value.trim().toUpperCase(Locale.ROOT).equals(pattern.trim().toUpperCase(Locale.ROOT)));
    }

    /** Parses {@code manufacturer|model|x,y,width,height} (the CLI and configuration form). */
    public static FixedMask parse(String text) {
        String[] parts = text.split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("fixed mask must be 'manufacturer|model|x,y,width,height': " + text);
        }
        String[] r = parts[2].split(",");
        if (r.length != 4) {
            throw new IllegalArgumentException("fixed mask rectangle must be x,y,width,height: " + parts[2]);
        }
        return new FixedMask(parts[0], parts[1], Integer.parseInt(r[0].trim()), Integer.parseInt(r[1].trim()),
                Integer.parseInt(r[2].trim()), Integer.parseInt(r[3].trim()));
    }
}

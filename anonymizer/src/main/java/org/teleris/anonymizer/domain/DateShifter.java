package org.teleris.anonymizer.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Moves DA and DT values by a whole number of days, keeping time of day, precision and UTC offset. */
public final class DateShifter {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private DateShifter() {
    }

    /** @return the shifted value, or null when the value is not a full date (then it must be removed, not kept) */
    public static String shiftDate(String value, int days) {
        String v = value.trim();
        if (v.isEmpty()) {
            return v;
        }
        if (v.length() == 17 && v.charAt(8) == '-') { // date range YYYYMMDD-YYYYMMDD
            String a = shiftDate(v.substring(0, 8), days);
            String b = shiftDate(v.substring(9), days);
            return a == null || b == null ? null : a + "-" + b;
        }
        if (v.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(v, DA).plusDays(days).format(DA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String shiftDateTime(String value, int days) {
        String v = value.trim();
        if (v.length() < 8) {
            return v.isEmpty() ? v : null;
        }
        String date = shiftDate(v.substring(0, 8), days);
        return date == null ? null : date + v.substring(8);
    }
}

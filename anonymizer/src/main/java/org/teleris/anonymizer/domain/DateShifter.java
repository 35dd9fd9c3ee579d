package org.teleris.anonymizer.domain;

import java.time.LocalDate;

/** Moves DA and DT values by a whole number of days, keeping time of day, precision and UTC offset. */
public final class DateShifter {

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
        for (int i = 0; i < 8; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return null;
            }
        }
        // By hand, not DateTimeFormatter: its parser is ~50 methods for the JIT of every short CLI run.
        try {
            LocalDate shifted = LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 4, 6, 10),
                    Integer.parseInt(v, 6, 8, 10)).plusDays(days);
            if (shifted.getYear() < 1 || shifted.getYear() > 9999) {
                return null; // not writable as a DA value
            }
            return digits(shifted.getYear(), 4) + digits(shifted.getMonthValue(), 2) + digits(shifted.getDayOfMonth(), 2);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. 20230230
        }
    }

    private static String digits(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
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

package org.teleris.anonymizer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The per-file checks written by hand (they run for every attribute of every file, where a regex or a
 * DateTimeFormatter costs the short-lived CLI its JIT time) against the library code they replaced.
 */
class HandWrittenMatchersTest {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    @Test
    void dateShiftAgreesWithJavaTimeOnEveryDayOfFourYearsAndManyShifts() {
        Random random = new Random(7);
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.isBefore(LocalDate.of(2003, 1, 1)); d = d.plusDays(1)) {
            int days = -random.nextInt(3650);
            assertEquals(d.plusDays(days).format(BASIC), DateShifter.shiftDate(d.format(BASIC), days), d + " " + days);
        }
        assertEquals("00010101", DateShifter.shiftDate("00010102", -1));
    }

    @Test
    void datesThatAreNotCalendarDatesAreNotShifted() {
        for (String bad : List.of("20230230", "20231301", "2023-1-1", "2023011a", "+2023010", "20230001", "00010101")) {
            int days = bad.equals("00010101") ? -1 : -10; // the last one would leave the years a DA value can hold
            assertNull(DateShifter.shiftDate(bad, days), bad);
        }
    }

    @Test
    void pseudonymShapeAgreesWithTheRegexItReplaced() {
        Pattern shape = Pattern.compile(Pseudonym.PREFIX + "[A-Z2-7]{12}(\\^*)");
        List<String> samples = List.of("ANONABCDEFGHIJ27", "ANONABCDEFGHIJ27^^", "ANONABCDEFGHIJ27^", "ANONABCDEFGHIJ2",
                "ANONABCDEFGHIJ278", "ANONabcdefghij27", "ANONABCDEFGHIJ18", "ANON", "", "XANONABCDEFGHIJ27",
                "ANONABCDEFGHIJ27^X", "ANONABCDEFGHIJ27 ", "anonABCDEFGHIJ27");
        for (String s : samples) {
            assertEquals(shape.matcher(s).matches(), Pseudonym.looksLikePseudonym(s), s);
        }
        assertTrue(Pseudonym.looksLikePseudonym("ANONABCDEFGHIJ27"));
    }

    @Test
    void phiShapesAreFoundWithoutTheRegexWhereTheyCannotMatchAndWithItWhereTheyCan() {
        Tag text = new Tag(0x0020, 0x4000);
        assertEquals(FindingKind.PHONE_NUMBER, PhiPatterns.classify(text, "LT", "(0495) 123 4567"));
        assertEquals(FindingKind.PHONE_NUMBER, PhiPatterns.classify(text, "LT", "ring 495-123-45 67"));
        assertEquals(FindingKind.IDENTIFIER_LIKE, PhiPatterns.classify(text, "ST", "id 1234567"));
        assertNull(PhiPatterns.classify(text, "ST", "12345 67 is not seven in a row"), "seven digits, no run, no phone shape");
        assertEquals(FindingKind.EMAIL, PhiPatterns.classify(text, "LO", "a@b.cd"));
        assertNull(PhiPatterns.classify(text, "LO", "user@localhost"), "no dot after @");
        assertFalse(PhiPatterns.classify(text, "CS", "+7 495 123 45 67") != null, "codes are not free text");
    }
}

package org.teleris.consult.interfaces.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudySearchParametersTest {

    private static StudySearchParameters parse(String... keysAndValues) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return StudySearchParameters.of(query);
    }

    @Test
    void keywordsAndTagsNameTheSameKeys() {
        StudySearchParameters byKeyword = parse("StudyInstanceUID", "2.25.7", "PatientID", "P1",
                "ModalitiesInStudy", "CT", "StudyDate", "20260101-20261231");
        StudySearchParameters byTag = parse("0020000D", "2.25.7", "00100020", "P1", "00080061", "CT",
                "00080020", "20260101-20261231");
        StudySearchParameters lowerCaseTag = parse("0020000d", "2.25.7");
        assertEquals(byKeyword.filter, byTag.filter);
        assertEquals(Set.of("2.25.7"), lowerCaseTag.filter.studyInstanceUids());
        assertEquals("P1", byTag.filter.patientId());
        assertEquals("CT", byTag.filter.modality());
        assertNull(byTag.warning());
    }

    @Test
    void aUidListMatchesAnyOfItsUids() {
        assertEquals(Set.of("1.2.3", "2.25.99"), parse("StudyInstanceUID", "1.2.3\\2.25.99").filter.studyInstanceUids());
        assertEquals(Set.of("1.2.3", "2.25.99"), parse("StudyInstanceUID", "1.2.3,2.25.99").filter.studyInstanceUids());
        assertTrue(parse("limit", "5").filter.studyInstanceUids().isEmpty(), "no UID: any study");
    }

    @Test
    void aValueThatIsNoUidIsABadRequestNamingTheKey() {
        String tooLong = "1." + "2".repeat(63);
        for (String bad : new String[] {tooLong, "abc", "1..2", ".1.2", "1.2.", "1.2\\", "1.2,,3", "1.2 3", "1.2.3'--"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parse("StudyInstanceUID", bad), bad);
            assertTrue(e.getMessage().startsWith("StudyInstanceUID"), e.getMessage());
        }
        assertEquals(64, ("1." + "2".repeat(62)).length());
        assertFalse(parse("StudyInstanceUID", "1." + "2".repeat(62)).filter.studyInstanceUids().isEmpty(),
                "64 characters is a UID");
        String many = String.join("\\", java.util.Collections.nCopies(StudySearchParameters.MAX_UIDS + 1, "1.2"));
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i <= StudySearchParameters.MAX_UIDS; i++) {
            distinct.append(i == 0 ? "" : "\\").append("1.2.").append(i);
        }
        assertEquals(Set.of("1.2"), parse("StudyInstanceUID", many).filter.studyInstanceUids(), "repeats count once");
        assertThrows(IllegalArgumentException.class, () -> parse("StudyInstanceUID", distinct.toString()));
    }

    @Test
    void datesAreDatesOrRanges() {
        for (String good : new String[] {"20260101", "20260101-", "-20261231", "20260101-20261231"}) {
            assertEquals(good, parse("StudyDate", good).filter.studyDate());
        }
        for (String bad : new String[] {"2026-01-01", "20261345", "-", "abc", "2026010", "20260101-2026"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("StudyDate", bad), bad);
            assertTrue(e.getMessage().startsWith("StudyDate"), e.getMessage());
        }
    }

    @Test
    void pagingIsCheckedAndUnknownKeysAreNamedInAWarning() {
        StudySearchParameters p = parse("limit", "7", "offset", "2", "ReferringPhysicianName", "X*", "00100010", "Y",
                "includefield", "all", "fuzzymatching", "false");
        assertEquals(7, p.limit);
        assertEquals(2, p.offset);
        assertEquals("299 teleris \"The following query parameters are not supported for matching and were ignored: "
                + "00100010, ReferringPhysicianName\"", p.warning());
        assertEquals(StudySearchParameters.DEFAULT_LIMIT, parse().limit);
        for (String[] bad : new String[][] {{"limit", "abc"}, {"limit", "0"}, {"limit", "1001"}, {"offset", "-1"},
                {"offset", "99999999999"}}) {
            assertThrows(IllegalArgumentException.class, () -> parse(bad), String.join("=", bad));
        }
        assertThrows(IllegalArgumentException.class, () -> parse("PatientID", "A", "00100020", "B"),
                "one key given twice, by keyword and by tag");
    }
}

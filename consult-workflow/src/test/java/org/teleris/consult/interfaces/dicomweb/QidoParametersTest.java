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
import org.teleris.consult.application.dicomweb.StudyQueries;

class QidoParametersTest {

    private static QidoParameters parse(String... keysAndValues) {
        return parseAt(QidoParameters.Level.STUDY, keysAndValues);
    }

    private static QidoParameters parseAt(QidoParameters.Level level, String... keysAndValues) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return QidoParameters.of(level, query);
    }

    @Test
    void keywordsAndTagsNameTheSameKeys() {
        QidoParameters byKeyword = parse("StudyInstanceUID", "2.25.7", "PatientID", "P1",
                "ModalitiesInStudy", "CT", "StudyDate", "20260101-20261231");
        QidoParameters byTag = parse("0020000D", "2.25.7", "00100020", "P1", "00080061", "CT",
                "00080020", "20260101-20261231");
        QidoParameters lowerCaseTag = parse("0020000d", "2.25.7");
        assertEquals(byKeyword.studyFilter(), byTag.studyFilter());
        assertEquals(Set.of("2.25.7"), lowerCaseTag.studyFilter().studyInstanceUids());
        assertEquals("P1", byTag.studyFilter().patientId());
        assertEquals("CT", byTag.studyFilter().modality());
        assertNull(byTag.warning());
    }

    @Test
    void aUidListMatchesAnyOfItsUids() {
        assertEquals(Set.of("1.2.3", "2.25.99"), parse("StudyInstanceUID", "1.2.3\\2.25.99").studyFilter().studyInstanceUids());
        assertEquals(Set.of("1.2.3", "2.25.99"), parse("StudyInstanceUID", "1.2.3,2.25.99").studyFilter().studyInstanceUids());
        assertTrue(parse("limit", "5").studyFilter().studyInstanceUids().isEmpty(), "no UID: any study");
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
        assertFalse(parse("StudyInstanceUID", "1." + "2".repeat(62)).studyFilter().studyInstanceUids().isEmpty(),
                "64 characters is a UID");
        String many = String.join("\\", java.util.Collections.nCopies(QidoParameters.MAX_UIDS + 1, "1.2"));
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i <= QidoParameters.MAX_UIDS; i++) {
            distinct.append(i == 0 ? "" : "\\").append("1.2.").append(i);
        }
        assertEquals(Set.of("1.2"), parse("StudyInstanceUID", many).studyFilter().studyInstanceUids(), "repeats count once");
        assertThrows(IllegalArgumentException.class, () -> parse("StudyInstanceUID", distinct.toString()));
    }

    @Test
    void datesAreDatesOrRanges() {
        String[][] goods = {{"20260101", "20260101", "20260101"}, {"20260101-", "20260101", null},
                {"-20261231", null, "20261231"}, {"20260101-20261231", "20260101", "20261231"}};
        for (String[] good : goods) {
            StudyQueries.StudyFilter filter = parse("StudyDate", good[0]).studyFilter();
            assertEquals(good[1], filter.dateFrom(), good[0]);
            assertEquals(good[2], filter.dateTo(), good[0]);
        }
        assertNull(parse().studyFilter().dateFrom());
        assertNull(parse().studyFilter().dateTo());
        for (String bad : new String[] {"2026-01-01", "20261345", "-", "abc", "2026010", "20260101-2026"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("StudyDate", bad), bad);
            assertTrue(e.getMessage().startsWith("StudyDate"), e.getMessage());
        }
    }

    @Test
    void pagingIsCheckedAndUnknownKeysAreNamedInAWarning() {
        QidoParameters p = parse("limit", "7", "offset", "2", "ReferringPhysicianName", "X*", "00100010", "Y",
                "includefield", "all", "fuzzymatching", "false");
        assertEquals(7, p.limit);
        assertEquals(2, p.offset);
        assertEquals("299 teleris \"The following query parameters are not supported for matching and were ignored: "
                + "00100010, ReferringPhysicianName\"", p.warning());
        assertEquals(QidoParameters.DEFAULT_LIMIT, parse().limit);
        for (String[] bad : new String[][] {{"limit", "abc"}, {"limit", "0"}, {"limit", "1001"}, {"offset", "-1"},
                {"offset", "99999999999"}}) {
            assertThrows(IllegalArgumentException.class, () -> parse(bad), String.join("=", bad));
        }
        assertThrows(IllegalArgumentException.class, () -> parse("PatientID", "A", "00100020", "B"),
                "one key given twice, by keyword and by tag");
    }

    @Test
    void eachLevelMatchesItsOwnKeysAndWarnsAboutTheOthers() {
        QidoParameters series = parseAt(QidoParameters.Level.SERIES, "0020000E", "1.2.3\\1.2.4", "Modality", "CT",
                "SeriesNumber", "3", "StudyDate", "20260101", "offset", "1", "limit", "2");
        assertEquals(Set.of("1.2.3", "1.2.4"), series.uids("SeriesInstanceUID"));
        assertEquals("CT", series.value("Modality"));
        assertEquals(3, series.integer("SeriesNumber"));
        assertTrue(series.warning().contains("StudyDate"), "a study key is not a series key");
        assertEquals(java.util.List.of("b", "c"), series.page(java.util.List.of("a", "b", "c", "d")));
        java.util.List<Integer> many = java.util.stream.IntStream.range(0, 300).boxed().toList();
        assertEquals(300, parseAt(QidoParameters.Level.INSTANCE).page(many).size(),
                "a series' instances are all answered unless a limit is asked for");

        QidoParameters instance = parseAt(QidoParameters.Level.INSTANCE, "00080018", "1.2.5", "SOPClassUID",
                "1.2.840.10008.5.1.4.1.1.2", "00200013", "7");
        assertEquals(Set.of("1.2.5"), instance.uids("SOPInstanceUID"));
        assertEquals(Set.of("1.2.840.10008.5.1.4.1.1.2"), instance.uids("SOPClassUID"));
        assertEquals(7, instance.integer("InstanceNumber"));
        assertNull(instance.warning());

        for (String[] bad : new String[][] {{"SeriesInstanceUID", "x"}, {"SeriesNumber", "three"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parseAt(QidoParameters.Level.SERIES, bad), String.join("=", bad));
            assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> parseAt(QidoParameters.Level.INSTANCE, "SOPInstanceUID", "1.2.x"));
    }
}

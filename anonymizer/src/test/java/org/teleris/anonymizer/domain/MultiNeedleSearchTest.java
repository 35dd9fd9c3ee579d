package org.teleris.anonymizer.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one-pass search must find exactly what one {@link NeedleSearch#indexOf} per needle finds. */
class MultiNeedleSearchTest {

    /** What the verifier did before: one indexOf per needle over the upper-cased Latin-1 view of the bytes. */
    private static int[] reference(byte[] bytes, int from, int to, List<String> needles) {
        byte[] upper = new byte[to - from];
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            upper[i - from] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
        }
        String text = new String(upper, StandardCharsets.ISO_8859_1);
        return needles.stream().mapToInt(n -> NeedleSearch.indexOf(text, n)).toArray();
    }

    @Test
    void findsEveryNeedleAtItsFirstAcceptableOccurrence() {
        List<String> needles = List.of("IVANOV", "IVAN", "VANO", "ANOVA", "PETROV", "DOE", "JOHN DOE", "123456", "A");
        byte[] text = "x ivanovich IVAN, doe-john doe. PETROVA anova 0123456 a".getBytes(StandardCharsets.ISO_8859_1);
        int[] found = new MultiNeedleSearch(needles).firstOccurrences(text, 0, text.length);
        assertArrayEquals(reference(text, 0, text.length, needles), found);
        assertEquals(2, found[0], "IVANOV inside IVANOVICH: long needles match anywhere");
        assertEquals(12, found[1], "IVAN only as a whole word (not inside IVANOVICH)");
        assertEquals(-1, found[2], "VANO is short and never a whole word here");
        assertEquals(18, found[5], "DOE at the first whole-word place");
    }

    @Test
    void needlesAtTheEdgesOfTheSearchedRange() {
        List<String> needles = List.of("SMITH", "JONES", "ANON");
        byte[] bytes = "xxSMITH JONESyy".getBytes(StandardCharsets.US_ASCII);
        // the range starts right at SMITH and ends right after JONES: both are whole words there
        int[] found = new MultiNeedleSearch(needles).firstOccurrences(bytes, 2, 13);
        assertArrayEquals(new int[] {0, 6, -1}, found);
        assertArrayEquals(reference(bytes, 2, 13, needles), found);
        // the full buffer: the neighbours are letters, so the short needles are not whole words
        assertArrayEquals(new int[] {-1, -1, -1}, new MultiNeedleSearch(needles).firstOccurrences(bytes, 0, bytes.length));
    }

    @Test
    void overlappingAndNestedNeedles() {
        List<String> needles = List.of("ABCDEFGH", "CDEF", "BCDEFG", "EFGHIJ", "HIJ");
        byte[] bytes = "ABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(reference(bytes, 0, bytes.length, needles),
                new MultiNeedleSearch(needles).firstOccurrences(bytes, 0, bytes.length));
        assertArrayEquals(new int[] {0, -1, 1, 4, -1}, new MultiNeedleSearch(needles).firstOccurrences(bytes, 0, bytes.length));
    }

    @Test
    void decodedTextWithCyrillicNeedles() {
        List<String> needles = List.of("ИВАНОВ", "ПЁТР", "ОВ");
        String text = "Пациент: ИВАНОВ^ПЁТР ов".toUpperCase(Locale.ROOT);
        int[] expected = needles.stream().mapToInt(n -> NeedleSearch.indexOf(text, n)).toArray();
        assertArrayEquals(expected, new MultiNeedleSearch(needles).firstOccurrences(text));
        assertTrue(expected[0] > 0 && expected[1] > 0 && expected[2] > 0);
    }

    @Test
    void agreesWithOneIndexOfPerNeedleOnRandomData() {
        Random random = new Random(42);
        String alphabet = "ABab .^0123456789\u00e9\u00c9-_";
        for (int round = 0; round < 500; round++) {
            Set<String> set = new LinkedHashSet<>();
            int count = 1 + random.nextInt(40);
            while (set.size() < count) {
                StringBuilder n = new StringBuilder();
                int length = 1 + random.nextInt(9);
                for (int i = 0; i < length; i++) {
                    n.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                set.add(n.toString().toUpperCase(Locale.ROOT));
            }
            List<String> needles = new ArrayList<>(set);
            byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                        : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + (bytes.length == from ? 0 : random.nextInt(bytes.length - from + 1));
            assertArrayEquals(reference(bytes, from, to, needles),
                    new MultiNeedleSearch(needles).firstOccurrences(bytes, from, to), "round " + round + " " + needles);
        }
    }

    @Test
    void rawByteSearchReportsFindingsPerCharset() {
        Charset cyrillic = Charset.forName("ISO-8859-5");
        byte[] data = ("PN\u0000" + "Иванов^Пётр" + "\u0000LO doe-smith").getBytes(cyrillic);
        Set<String> needles = new LinkedHashSet<>(List.of("ИВАНОВ", "SMITH", "MISSING"));
        List<Finding> findings = RawByteSearch.find(data, needles, Set.of(cyrillic, StandardCharsets.UTF_8));
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.kind() == FindingKind.SOURCE_VALUE_IN_RAW_BYTES));
    }

    @Test
    void agreesWithOneIndexOfPerNeedleOnRandomDecodedText() {
        Random random = new Random(11);
        String alphabet = "\u0418\u0412\u0410\u041d\u0401A1 .^\u00c9\u4e2d"; // Cyrillic, Latin, digits, a CJK char
        for (int round = 0; round < 500; round++) {
            Set<String> set = new LinkedHashSet<>();
            int count = 1 + random.nextInt(30);
            while (set.size() < count) {
                StringBuilder n = new StringBuilder();
                for (int i = 0, length = 1 + random.nextInt(8); i < length; i++) {
                    n.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                set.add(n.toString());
            }
            List<String> needles = new ArrayList<>(set);
            StringBuilder text = new StringBuilder();
            for (int i = 0, length = random.nextInt(300); i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            int[] expected = needles.stream().mapToInt(n -> NeedleSearch.indexOf(t, n)).toArray();
            assertArrayEquals(expected, new MultiNeedleSearch(needles).firstOccurrences(t), "round " + round);
        }
    }

    @Test
    void descriptorTokensLoseOnlyTheirOuterDots() {
        for (String token : List.of("", ".", "...", "A", ".A", "A.", "..A.B..", "1.5", ".1.5.", "A..B")) {
            assertEquals(token.replaceAll("^[.]+|[.]+$", ""), DescriptorCleaner.withoutOuterDots(token), token);
        }
    }

    @Test
    void sharedAutomatonReportsOnlyNeedlesNotExcusedCandidates() {
        SourceIdentifiers source = new SourceIdentifiers();
        source.addReplaced("LO", "Memorial Clinic");
        source.addReplaced("PN", "Petrov^Ivan");
        source.addReplaced("LO", "Toshiba");
        source.addKept("TOSHIBA_MEC");
        SearchableNeedles prepared = source.prepare();
        assertEquals(Set.of("MEMORIAL CLINIC", "PETROV^IVAN", "PETROV", "IVAN"), prepared.needles());
        byte[] output = "TOSHIBA_MEC\u0000memorial clinic\u0000x".getBytes(StandardCharsets.US_ASCII);
        List<Finding> findings = RawByteSearch.find(output, 0, output.length, prepared, Set.of(StandardCharsets.UTF_8));
        assertEquals(1, findings.size(), "only the clinic: TOSHIBA is excused by the kept manufacturer " + findings);
        assertEquals("raw-bytes@~12", findings.get(0).location());
        // the verifier's path: all candidates searched, excuses asked only about those found
        List<Finding> verified = new ResidualPhiVerifier(ConfidentialityProfile.basic())
                .verifyAgainstSource(List.of(), output, Set.of(StandardCharsets.UTF_8), source).findings();
        assertEquals(1, verified.size(), verified.toString());
        assertEquals(FindingKind.SOURCE_VALUE_IN_RAW_BYTES, verified.get(0).kind());
    }
}

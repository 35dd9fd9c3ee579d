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
                prepared = adapter.prepare(file, "org");
            } catch (Throwable t) {
                wrong.add(c.getKey() + ": threw " + t.getClass().getName());
                continue;
            }
            if (!(prepared instanceof InstanceDeidentification.Refused refused)) {
                wrong.add(c.getKey() + ": accepted");
                continue;
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
        InstanceDeidentification.Accepted accepted = assertInstanceOf(InstanceDeidentification.Accepted.class,
                adapter().prepare(file, "org"));
        String stored = new String(accepted.bytes(), StandardCharsets.ISO_8859_1);
        for (String phi : SyntheticCt.PHI) {
            assertFalse(stored.contains(phi), phi);
        }
        assertFalse(stored.contains("NHS4857773456"), "the item's identifier went with the profile");
        assertTrue(accepted.bytes().length < Files.size(file) + 4096, "no 4 GB value was made up");
    }

    @Test
    void theCleanSliceTheBrokenOnesCameFromIsAccepted() throws Exception {
        Path file = Files.write(dir.resolve("good.dcm"), new SyntheticCt(900).slices(1, 32).get(0));
        InstanceDeidentification.Accepted accepted = assertInstanceOf(InstanceDeidentification.Accepted.class,
                adapter().prepare(file, "org"));
        assertTrue(accepted.header().sopInstanceUid().startsWith("2.25."));
        String stored = new String(accepted.bytes(), StandardCharsets.ISO_8859_1);
        for (String phi : SyntheticCt.PHI) {
            assertFalse(stored.contains(phi), phi);
        }
    }
}

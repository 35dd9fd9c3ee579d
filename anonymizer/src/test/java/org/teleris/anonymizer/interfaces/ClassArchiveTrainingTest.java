package org.teleris.anonymizer.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.infrastructure.TrainingSlices;
import org.teleris.anonymizer.testdata.DicomTestSupport;

/** The class-archive training must go through, or the launcher keeps no archive and every run starts slower. */
class ClassArchiveTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingBatchIsDeidentifiedAndVerifiedAndLeavesNothingBehind() throws Exception {
        String tmp = System.getProperty("java.io.tmpdir");
        List<Path> before = trainingFolders(Path.of(tmp));
        assertEquals(AnonymizeCommand.OK, ClassArchiveTraining.train());
        assertEquals(before, trainingFolders(Path.of(tmp)), "the training's temporary folder is removed");
    }

    @Test
    void theTrainingSlicesAreValidCtImagesWithTheirPhiWhereClinicsPutIt() throws Exception {
        TrainingSlices.write(dir, 3);
        List<Path> files = DicomTestSupport.files(dir);
        assertEquals(3, files.size());
        for (Path f : files) {
            var slice = DicomTestSupport.read(f);
            assertEquals("CT", DicomTestSupport.value(slice, 0x0008, 0x0060));
            assertEquals("64", DicomTestSupport.value(slice, 0x0028, 0x0010));
            assertTrue(DicomTestSupport.value(slice, 0x0010, 0x0020).startsWith("MRN-"));
            assertTrue(DicomTestSupport.value(slice, 0x0020, 0x4000).contains("Ivanov"));
        }
        assertEquals("ISO_IR 144", DicomTestSupport.value(DicomTestSupport.read(files.get(0)), 0x0008, 0x0005));
        assertEquals("\u0418\u0432\u0430\u043d\u043e\u0432^\u041f\u0451\u0442\u0440",
                DicomTestSupport.value(DicomTestSupport.read(files.get(0)), 0x0010, 0x0010));
    }

    private static List<Path> trainingFolders(Path tmp) throws Exception {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("anonymize-training")).sorted().toList();
        }
    }
}

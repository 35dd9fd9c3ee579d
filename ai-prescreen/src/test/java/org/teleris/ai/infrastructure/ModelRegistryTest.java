package org.teleris.ai.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.ai.application.PrescreenPipeline;
import org.teleris.ai.application.VolumePreprocessor;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.ModelCard;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.fixtures.Lesion;
import org.teleris.ai.fixtures.SyntheticChestCt;

class ModelRegistryTest {
    @TempDir
    Path dir;

    @Test
    void builtInModelIsRegisteredByDefaultWithItsCard() {
        try (DirectoryModelRegistry r = DirectoryModelRegistry.builtInOnly(1)) {
            assertEquals(LungInvolvementGraph.MODEL_ID, r.defaultModelId());
            ModelCard card = r.cards().get(0);
            assertEquals(LungInvolvementGraph.DEPTH, card.depth());
            assertEquals(LungInvolvementGraph.PREVIEW_DEPTH, card.previewDepth());
            assertEquals(LungInvolvementGraph.WIDTH, card.width());
            assertEquals(LungInvolvementGraph.VERSION, card.version());
            assertTrue(r.rejected().isEmpty(), r.rejected().toString());
        }
    }

    @Test
    void secondModelWithItsCardRunsThroughTheSamePreprocessingAndOutputHandling() throws Exception {
        TestModels.meanModel(dir, "centre-net");
        try (DirectoryModelRegistry r = DirectoryModelRegistry.withDirectory(dir, 1)) {
            assertEquals(2, r.cards().size(), r.rejected().toString());
            LoadedModel m = r.find("centre-net").orElseThrow();
            SyntheticChestCt.Phantom p = new SyntheticChestCt(40, 96, 4.0, 8.0).seed(3)
                    .lesion(Lesion.sphere(-80, 0, 0, 30, Lesion.CONSOLIDATION_HU)).build();
            LoadedScan scan = new LoadedScan(p.volume(), false, null, List.of());
            PrescreenResult result = new PrescreenPipeline().run(scan, m, new CancellationToken());
            assertTrue(result.completed(), result.reason());
            // the card asked for the window -1000..200 mapped to 0..1: the mean the model sees is known
            float[] input = new VolumePreprocessor().prepare(scan, m.card()).values();
            double mean = 0;
            for (float v : input) {
                mean += v;
            }
            mean /= input.length;
            assertTrue(mean > 0.05 && mean < 0.95, "normalised mean " + mean);
            assertEquals(mean, result.probability(), 1e-4);
            // no class output: derived from involvement by the documented rule
            assertEquals(org.teleris.ai.domain.CtClassRule.fromInvolvement(mean), result.ctClass());
            assertEquals("centre-net", result.modelId());
        }
    }

    @Test
    void wrongCardsAreRejectedWithAReasonWithoutBlockingOthers() throws Exception {
        TestModels.meanModel(dir, "good");
        TestModels.meanModel(dir, "shape-mismatch");
        Path card = dir.resolve("shape-mismatch").resolve(DirectoryModelRegistry.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("input.shape=1,1,16,48,48", "input.shape=1,1,16,64,64"));
        TestModels.meanModel(dir, "missing-output");
        Path card2 = dir.resolve("missing-output").resolve(DirectoryModelRegistry.CARD_FILE);
        Files.writeString(card2, Files.readString(card2).replace("output.probability=score", "output.probability=nope"));
        TestModels.meanModel(dir, "fixed-depth-preview");
        Path card3 = dir.resolve("fixed-depth-preview").resolve(DirectoryModelRegistry.CARD_FILE);
        Files.writeString(card3, Files.readString(card3) + "\ninput.previewDepth=4\n");
        Files.createDirectories(dir.resolve("empty"));
        Path garbage = dir.resolve("garbage");
        TestModels.meanModel(dir, "garbage");
        Files.write(garbage.resolve("garbage.onnx"), new byte[] {1, 2, 3, 4});
        try (DirectoryModelRegistry r = DirectoryModelRegistry.withDirectory(dir, 1)) {
            assertTrue(r.find("good").isPresent());
            List<String> rejected = r.rejected();
            assertEquals(5, rejected.size(), rejected.toString());
            assertTrue(rejected.stream().anyMatch(s -> s.startsWith("fixed-depth-preview") && s.contains("depth is fixed")), rejected.toString());
            assertTrue(rejected.stream().anyMatch(s -> s.startsWith("shape-mismatch") && s.contains("does not match card")), rejected.toString());
            assertTrue(rejected.stream().anyMatch(s -> s.startsWith("missing-output") && s.contains("nope")), rejected.toString());
            assertTrue(rejected.stream().anyMatch(s -> s.startsWith("empty")), rejected.toString());
            assertTrue(rejected.stream().anyMatch(s -> s.startsWith("garbage")), rejected.toString());
        }
    }
}

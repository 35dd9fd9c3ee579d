package org.teleris.ai.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.RocResult;
import org.teleris.ai.fixtures.SyntheticEvaluationSet;
import org.teleris.ai.infrastructure.DirectoryModelRegistry;

/**
 * Recomputes the AUC the model card states, on the same synthetic set, so that the card cannot
 * drift from the model: change the graph and this fails until the card is updated.
 */
class ModelCardEvaluationTest {
    static final int CASES = 40;

    @Test
    void cardStatesTheAucTheModelReallyHasOnTheSyntheticSet() throws Exception {
        List<ScoredCase> scored = new ArrayList<>();
        StringBuilder table = new StringBuilder("kind,label,probability,involvement\n");
        try (DirectoryModelRegistry registry = DirectoryModelRegistry.builtInOnly(2)) {
            LoadedModel model = registry.find(registry.defaultModelId()).orElseThrow();
            PrescreenPipeline pipeline = new PrescreenPipeline();
            for (SyntheticEvaluationSet.Case c : SyntheticEvaluationSet.cases(CASES)) {
                LoadedScan scan = new LoadedScan(c.ct().build().volume(), false, null, List.of());
                PrescreenResult r = pipeline.run(scan, model, new CancellationToken());
                assertTrue(r.completed(), c.kind() + ": " + r.reason());
                scored.add(new ScoredCase(r.modelId(), r.probability(), c.positive()));
                table.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f%n", c.kind(), c.positive(), r.probability(),
                        r.involvement().total()));
            }
        }
        RocResult roc = new EvaluationService().evaluate(scored);
        String measured = String.format(Locale.ROOT, "%.3f (DeLong 95%% CI %.3f-%.3f)", roc.auc().getAsDouble(),
                roc.ciLow().getAsDouble(), roc.ciHigh().getAsDouble());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/model-card-evaluation.csv"), table + "AUC " + measured + "\n");
        Properties card = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ai-models/builtin/model-card.properties")) {
            card.load(in);
        }
        assertEquals(measured, card.getProperty("evaluation.auc"), "update the model card with the measured AUC");
        assertEquals(CASES / 2, roc.positives());
    }
}

package org.teleris.ris.domain.aiquality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.teleris.ai.domain.RocAnalysis;
import org.teleris.ai.domain.RocResult;

/**
 * The quality rules in one place: which results count as technological defects (failed, timed
 * out, malformed, refused by a full queue, and completed but later than the limit), and how a
 * model's probabilities are scored against the doctors' decisions (one score per case and stage:
 * the model's latest completed result on it; cases without a decision are left out).
 */
public final class AiQualityFigures {

    /** Defect and volume counts of one model. */
    public record ModelCounts(String modelId, String modelVersion, int runs, int completed, int notAnalysable,
                              Map<String, Integer> defects, int late, long medianMillis) {
        public int defectTotal() {
            return defects.values().stream().mapToInt(Integer::intValue).sum() + late;
        }
    }

    /** Accuracy of one model at one stage. */
    public record ModelAccuracy(String modelId, AiStage stage, RocResult roc) {
    }

    private AiQualityFigures() {
    }

    public static List<ModelCounts> counts(List<AiRun> runs, Duration lateAfter) {
        Map<String, List<AiRun>> byModel = runs.stream()
                .collect(Collectors.groupingBy(AiRun::modelId, TreeMap::new, Collectors.toList()));
        List<ModelCounts> result = new ArrayList<>();
        byModel.forEach((model, list) -> {
            Map<String, Integer> defects = new TreeMap<>();
            for (AiRun run : list) {
                if (AiRun.DEFECT.equals(run.kind())) {
                    defects.merge(run.defect() == null ? "FAILED" : run.defect(), 1, Integer::sum);
                }
            }
            long[] durations = list.stream().filter(r -> !AiRun.DEFECT.equals(r.kind()))
                    .mapToLong(AiRun::durationMillis).sorted().toArray();
            String version = list.stream().max(Comparator.comparing(AiRun::createdAt)).map(AiRun::modelVersion)
                    .orElse(null);
            result.add(new ModelCounts(model, version, list.size(),
                    (int) list.stream().filter(r -> AiRun.COMPLETED.equals(r.kind())).count(),
                    (int) list.stream().filter(r -> AiRun.NOT_ANALYSABLE.equals(r.kind())).count(),
                    defects,
                    (int) list.stream().filter(r -> AiRun.COMPLETED.equals(r.kind()) && r.isLate(lateAfter)).count(),
                    durations.length == 0 ? 0 : durations[durations.length / 2]));
        });
        return result;
    }

    public static List<ModelAccuracy> accuracy(List<AiRun> runs, Map<AiStage, Map<String, Boolean>> decisions) {
        List<ModelAccuracy> result = new ArrayList<>();
        for (AiStage stage : AiStage.values()) {
            Map<String, Boolean> truth = decisions.getOrDefault(stage, Map.of());
            Map<String, List<AiRun>> byModel = runs.stream().filter(r -> r.stage() == stage && r.isScorable())
                    .collect(Collectors.groupingBy(AiRun::modelId, TreeMap::new, Collectors.toList()));
            byModel.forEach((model, list) -> {
                Map<String, AiRun> latestPerCase = list.stream().collect(Collectors.toMap(AiRun::caseId,
                        Function.identity(), (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b, LinkedHashMap::new));
                List<AiRun> decided = latestPerCase.values().stream().filter(r -> truth.containsKey(r.caseId())).toList();
                double[] scores = new double[decided.size()];
                boolean[] positive = new boolean[decided.size()];
                for (int i = 0; i < decided.size(); i++) {
                    scores[i] = decided.get(i).probability();
                    positive[i] = truth.get(decided.get(i).caseId());
                }
                result.add(new ModelAccuracy(model, stage, RocAnalysis.analyse(scores, positive)));
            });
        }
        return result;
    }
}

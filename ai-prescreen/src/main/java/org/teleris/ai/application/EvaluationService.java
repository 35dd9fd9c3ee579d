package org.teleris.ai.application;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.teleris.ai.domain.RocAnalysis;
import org.teleris.ai.domain.RocResult;

/** Diagnostic accuracy of models against doctors' decisions over whatever period the caller selected. */
public final class EvaluationService {

    public RocResult evaluate(List<ScoredCase> cases) {
        double[] scores = new double[cases.size()];
        boolean[] truth = new boolean[cases.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cases.get(i).probability();
            truth[i] = cases.get(i).positive();
        }
        return RocAnalysis.analyse(scores, truth);
    }

    /** One ROC analysis per model id, sorted by id. */
    public Map<String, RocResult> evaluatePerModel(List<ScoredCase> cases) {
        Map<String, List<ScoredCase>> byModel = cases.stream()
                .collect(Collectors.groupingBy(ScoredCase::modelId, TreeMap::new, Collectors.toList()));
        Map<String, RocResult> out = new TreeMap<>();
        byModel.forEach((id, list) -> out.put(id, evaluate(list)));
        return out;
    }
}

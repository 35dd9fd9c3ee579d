package org.teleris.consult.infrastructure.ai;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.teleris.ai.interfaces.AiPrescreen;
import org.teleris.ai.interfaces.AiPrescreenConfig;
import org.teleris.ai.interfaces.DicomOutputs;
import org.teleris.ai.interfaces.PrescreenReport;
import org.teleris.ai.interfaces.ResultSummary;
import org.teleris.consult.application.ai.StudyAnalysis;

/** The ai-prescreen library on whole studies: the built-in model or any registered one. */
@ApplicationScoped
public class OnnxStudyAnalysis implements StudyAnalysis {

    /** The library's own time-out is 60 s; this only bounds a hung future. */
    private static final long WAIT_SECONDS = 120;

    private AiPrescreen ai;

    private synchronized AiPrescreen ai() {
        if (ai == null) {
            ai = AiPrescreen.start(AiPrescreenConfig.defaults());
        }
        return ai;
    }

    @Override
    public Analysis analyse(List<Path> studyFiles, String modelId, Path outputDirectory) {
        PrescreenReport report;
        try {
            report = ai().analyseStudy(studyFiles, modelId).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return defect(e instanceof TimeoutException ? "TIMED_OUT" : "FAILED", modelId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return defect("FAILED", modelId);
        }
        ResultSummary s = report.summary();
        List<Path> outputs = new ArrayList<>();
        if ("COMPLETED".equals(s.kind())) {
            try {
                DicomOutputs written = ai().writeDicomOutputs(report, studyFiles, outputDirectory,
                        AiPrescreen.DEFAULT_CAPTURE_IMAGES);
                outputs.add(written.structuredReport());
                outputs.addAll(written.secondaryCaptures());
            } catch (IOException | RuntimeException e) {
                return new Analysis("TECHNOLOGICAL_DEFECT", "MALFORMED", s.modelId(), s.modelVersion(), null, null, null,
                        s.durationMillis(), List.of());
            }
        }
        return new Analysis(s.kind(), s.defect(), s.modelId(), s.modelVersion(), s.probability(), s.ctClass(),
                s.involvementTotal(), s.durationMillis(), outputs);
    }

    private Analysis defect(String type, String modelId) {
        return new Analysis("TECHNOLOGICAL_DEFECT", type, modelId == null ? ai().defaultModelId() : modelId, null, null,
                null, null, WAIT_SECONDS * 1000, List.of());
    }

    @Override
    public List<Model> models() {
        return ai().models().stream().map(c -> new Model(c.id(), c.name(), c.version(), c.intendedUse(),
                c.evaluatedAuc(), c.limits())).toList();
    }

    @PreDestroy
    synchronized void close() {
        if (ai != null) {
            ai.close();
        }
    }
}

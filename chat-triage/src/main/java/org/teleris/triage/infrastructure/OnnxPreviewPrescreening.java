package org.teleris.triage.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.teleris.ai.interfaces.AiPrescreen;
import org.teleris.ai.interfaces.AiPrescreenConfig;
import org.teleris.ai.interfaces.PrescreenReport;
import org.teleris.ai.interfaces.ResultSummary;
import org.teleris.triage.application.PreviewPrescreening;
import org.teleris.triage.application.PreviewPrescreening.AiOutcome;

/** The ai-prescreen library (ONNX Runtime, the built-in chest-CT model) for stage I previews. */
@ApplicationScoped
public class OnnxPreviewPrescreening implements PreviewPrescreening {

    private AiPrescreen ai;

    private synchronized AiPrescreen ai() {
        if (ai == null) {
            // The library's own deadline (from its submission) frees its one worker from a preview whose note
            // has already gone out as a defect; with its 60 s default the next case's preview waited behind it.
            ai = AiPrescreen.start(AiPrescreenConfig.defaults().withTimeout(AiPrescreenRunner.NOTE_BOUND));
        }
        return ai;
    }

    @Override
    public Prescreen analyse(List<byte[]> previews, Instant answerBy) {
        Instant start = Instant.now();
        try {
            CompletableFuture<PrescreenReport> pending = ai().preview(previews);
            long left = Math.max(0, Duration.between(Instant.now(), answerBy).toMillis());
            PrescreenReport report = pending.get(left, TimeUnit.MILLISECONDS);
            return new Prescreen(text(report), report.heatMap().orElse(null), outcome(report.summary()));
        } catch (ExecutionException | TimeoutException e) {
            return defect(e instanceof TimeoutException ? "TIMED_OUT" : "FAILED", start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return defect("FAILED", start);
        }
    }

    static AiOutcome outcome(ResultSummary s) {
        return new AiOutcome(s.kind(), s.defect(), s.modelId(), s.modelVersion(), s.probability(), s.ctClass(),
                s.durationMillis());
    }

    private Prescreen defect(String type, Instant start) {
        return new Prescreen(PrescreenReport.LABEL.toUpperCase(Locale.ROOT) + ". " + CaseTexts.DEFECT, null,
                new AiOutcome("TECHNOLOGICAL_DEFECT", type, ai().defaultModelId(), null, null, null,
                        Duration.between(start, Instant.now()).toMillis()));
    }

    static String text(PrescreenReport report) {
        ResultSummary s = report.summary();
        StringBuilder text = new StringBuilder("AI prescreen · ").append(report.label().toUpperCase(Locale.ROOT))
                .append(" (").append(s.modelId()).append(' ').append(s.modelVersion()).append(")\n");
        if ("COMPLETED".equals(s.kind())) {
            text.append(String.format(Locale.ROOT,
                    "Probability of a viral pneumonia pattern: %.2f. Estimated class: %s. Involvement: right %.0f %%,"
                            + " left %.0f %%, total %.0f %%.%n", s.probability(), s.ctClass(),
                    100 * s.involvementRight(), 100 * s.involvementLeft(), 100 * s.involvementTotal()));
        } else if ("NOT_ANALYSABLE".equals(s.kind())) {
            text.append("This preview cannot be analysed: ").append(s.reason()).append('\n');
        } else {
            text.append(CaseTexts.DEFECT).append('\n');
        }
        appendIfPresent(text, report.draftEnglish());
        appendIfPresent(text, report.draftRussian());
        return text.toString().strip();
    }

    private static void appendIfPresent(StringBuilder text, String draft) {
        if (draft != null && !draft.isBlank()) {
            text.append('\n').append(draft.strip()).append('\n');
        }
    }

    /** Fixed wording of the messages the AI posts. */
    static final class CaseTexts {
        static final String DEFECT = "The AI prescreen failed (a technological defect, recorded for quality"
                + " monitoring); the case is not affected.";

        private CaseTexts() {
        }
    }

    @PreDestroy
    synchronized void close() {
        if (ai != null) {
            ai.close();
        }
    }
}

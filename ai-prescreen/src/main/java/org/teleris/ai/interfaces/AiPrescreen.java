package org.teleris.ai.interfaces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.teleris.ai.application.DraftText;
import org.teleris.ai.application.DraftTextComposer;
import org.teleris.ai.application.EvaluationService;
import org.teleris.ai.application.PrescreenService;
import org.teleris.ai.application.QualityMonitor;
import org.teleris.ai.application.ScoredCase;
import org.teleris.ai.application.ServiceLimits;
import org.teleris.ai.domain.ModelCard;
import org.teleris.ai.domain.NotAnalysableException;
import org.teleris.ai.domain.NotAnalysableReason;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.RocResult;
import org.teleris.ai.domain.ScanLoader;
import org.teleris.ai.infrastructure.AiResultSrWriter;
import org.teleris.ai.infrastructure.DicomSliceReader;
import org.teleris.ai.infrastructure.DirectoryModelRegistry;
import org.teleris.ai.infrastructure.MediaKind;
import org.teleris.ai.infrastructure.ResearchCaptureWriter;
import org.teleris.ai.infrastructure.ResearchImageRenderer;
import org.teleris.ai.infrastructure.ScreenshotReader;

/**
 * The one entry point the server uses. Every analysis method returns at once; the future always
 * completes normally with a report whose result is COMPLETED, NOT_ANALYSABLE or
 * TECHNOLOGICAL_DEFECT, so a failing model can never block or fail a case. Results are advice
 * "For Research Purposes Only": this library has no way to change a case.
 */
public final class AiPrescreen implements AutoCloseable {
    public static final int DEFAULT_CAPTURE_IMAGES = 24;

    private final DirectoryModelRegistry registry;
    private final PrescreenService service;
    private final DicomSliceReader dicomReader = new DicomSliceReader();
    private final ScreenshotReader screenshotReader = new ScreenshotReader();
    private final DraftTextComposer composer = new DraftTextComposer();
    private final ResearchImageRenderer renderer = new ResearchImageRenderer();
    private final EvaluationService evaluation = new EvaluationService();

    private AiPrescreen(AiPrescreenConfig config) {
        registry = DirectoryModelRegistry.withDirectory(config.modelsDirectory(), config.modelThreads());
        service = new PrescreenService(registry, new ServiceLimits(config.workers(), config.queueCapacity(),
                config.timeout(), config.lateLimit()));
    }

    /** Loads the built-in model and any under the configured directory; refused models are listed by {@link #rejectedModels()}. */
    public static AiPrescreen start(AiPrescreenConfig config) {
        return new AiPrescreen(config);
    }

    /**
     * Stage I: a preview as uploaded (already anonymised). DICOM CT slices are used together; otherwise
     * the first PNG/JPEG screenshot (assumed lung window, see {@link ScreenshotReader}); videos and other
     * files give NOT_ANALYSABLE.
     */
    public CompletableFuture<PrescreenReport> preview(List<byte[]> files) {
        return run(() -> loadPreview(files), true, null);
    }

    /** Stage II: a whole received study with the default model. */
    public CompletableFuture<PrescreenReport> analyseStudy(List<Path> dicomFiles) {
        return analyseStudy(dicomFiles, null);
    }

    /** Stage II or on demand: a whole study with a selected registered model (null: default). */
    public CompletableFuture<PrescreenReport> analyseStudy(List<Path> dicomFiles, String modelId) {
        List<Path> files = List.copyOf(dicomFiles);
        return run(() -> dicomReader.readStudy(files), false, modelId);
    }

    /**
     * Stage II outputs for a completed study report: the SR and a secondary capture series of at most
     * {@code maxCaptureImages} images, written into {@code outDir}.
     */
    public DicomOutputs writeDicomOutputs(PrescreenReport report, List<Path> sourceFiles, Path outDir,
                                          int maxCaptureImages) throws IOException {
        Files.createDirectories(outDir);
        Path sr = outDir.resolve("AI-SR.dcm");
        new AiResultSrWriter().write(report.result(), sr);
        List<Path> sc = new ResearchCaptureWriter().write(report.result(), sourceFiles, outDir.resolve("SC"),
                maxCaptureImages);
        return new DicomOutputs(sr, sc);
    }

    public List<ModelCard> models() {
        return registry.cards();
    }

    public String defaultModelId() {
        return registry.defaultModelId();
    }

    public List<String> rejectedModels() {
        return registry.rejected();
    }

    /** Per-model counters of completed, not analysable, defective and late results since start. */
    public List<QualityMonitor.ModelQuality> quality() {
        return service.quality().snapshot();
    }

    /** ROC AUC, curve and DeLong 95 % CI of the probabilities against the doctors' decisions. */
    public RocResult evaluate(List<ScoredCase> cases) {
        return evaluation.evaluate(cases);
    }

    public Map<String, RocResult> evaluatePerModel(List<ScoredCase> cases) {
        return evaluation.evaluatePerModel(cases);
    }

    private CompletableFuture<PrescreenReport> run(ScanLoader loader, boolean preview, String modelId) {
        return service.submit(loader, preview, modelId).thenApply(this::report);
    }

    private PrescreenReport report(PrescreenResult r) {
        DraftText text = composer.compose(r);
        byte[] png = null;
        if (r.completed() && r.keySlice() != null) {
            try {
                png = renderer.heatMapPng(r.keySlice(), "AI: " + r.modelId() + " " + r.modelVersion());
            } catch (RuntimeException e) {
                png = null; // the text still goes out; a missing picture must not lose the result
            }
        }
        return new PrescreenReport(r, png, text.english(), text.russian());
    }

    private org.teleris.ai.domain.LoadedScan loadPreview(List<byte[]> files) throws NotAnalysableException {
        if (files.isEmpty()) {
            throw new NotAnalysableException(NotAnalysableReason.TOO_FEW_SLICES, "empty preview");
        }
        List<byte[]> dicom = new ArrayList<>();
        byte[] firstImage = null;
        for (byte[] f : files) {
            MediaKind kind = MediaKind.of(f);
            switch (kind) {
                case VIDEO -> throw new NotAnalysableException(NotAnalysableReason.VIDEO, null);
                case DICOM -> dicom.add(f);
                case PNG, JPEG, GIF -> firstImage = firstImage == null ? f : firstImage;
                default -> { } // other attachments (text, PDF) are not images: ignored
            }
        }
        if (!dicom.isEmpty()) {
            return dicomReader.readPreview(dicom);
        }
        if (firstImage != null) {
            return screenshotReader.read(firstImage);
        }
        throw new NotAnalysableException(NotAnalysableReason.UNSUPPORTED_FORMAT, null);
    }

    @Override
    public void close() {
        service.close();
        registry.close();
    }
}

package org.teleris.consult.application.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.intake.StudyIntake;
import org.teleris.consult.application.intake.StudyStorage;
import org.teleris.consult.application.intake.UploadSessionNotFoundException;
import org.teleris.consult.domain.ai.StudyPrescreened;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.StoredInstance;

/**
 * Runs the AI on a stored study and keeps its outputs (SR and "For Research Purposes Only"
 * captures) as a series of that study. It informs; it never changes a case or an upload.
 */
@ApplicationScoped
public class StudyAiRuns {

    private static final Logger LOG = Logger.getLogger(StudyAiRuns.class.getName());

    /** A study to run on: the instances the model reads (its own earlier outputs excluded). */
    public record Target(String sessionId, String caseId, String organisationId, List<String> paths) {
    }

    @Inject
    IntakeRepository repository;

    @Inject
    StudyStorage storage;

    @Inject
    StudyIntake intake;

    @Inject
    StudyAnalysis analysis;

    @Inject
    Event<StudyPrescreened> prescreened;

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    /** Who may ask for a run: an expert, or a doctor of the study's organisation; the study must exist. */
    @Transactional
    public Target targetFor(ConsultUser caller, String studyInstanceUid) {
        Target target = target(studyInstanceUid, null);
        if (target == null || !caller.maySee(target.organisationId())) {
            throw new UploadSessionNotFoundException("with study " + studyInstanceUid);
        }
        return target;
    }

    /**
     * What the AI reads and where its results go: the study's received instances, each file once,
     * on behalf of {@code uploadSessionId} (the upload that just completed) or, when null or not
     * among them, of the study's first upload. A study sent for two cases is indexed for both.
     */
    @Transactional
    public Target target(String studyInstanceUid, String uploadSessionId) {
        List<StoredInstance> instances = repository.instancesOfStudy(studyInstanceUid).stream()
                .filter(i -> !"AI".equals(i.receivedVia())).toList();
        if (instances.isEmpty()) {
            return null;
        }
        StoredInstance owner = instances.stream().filter(i -> i.uploadSessionId().equals(uploadSessionId)).findFirst()
                .orElse(instances.get(0));
        return new Target(owner.uploadSessionId(), owner.caseId(), owner.organisationId(),
                instances.stream().map(StoredInstance::storagePath).distinct().toList());
    }

    public List<StudyAnalysis.Model> models() {
        return analysis.models();
    }

    /** Blocking: call from a managed thread, never from a request. */
    public void run(String studyInstanceUid, Target target, String modelId, boolean onDemand) {
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(Path.of(dataDir, "ai-work")), "run-");
            List<Path> files = target.paths().stream().map(storage::resolve).toList();
            StudyAnalysis.Analysis a = analysis.analyse(files, modelId, work);
            int stored = 0;
            for (Path output : a.outputs()) {
                if (intake.storeGenerated(target.sessionId(), output).stored()) {
                    stored++;
                }
            }
            prescreened.fire(new StudyPrescreened(target.caseId(), target.organisationId(), studyInstanceUid, a.kind(),
                    a.defect(), a.modelId(), a.modelVersion(), a.probability(), a.ctClass(), a.involvementTotal(),
                    a.durationMillis(), stored, onDemand));
        } catch (IOException | RuntimeException e) {
            // a failure is a technological defect, counted like any other result
            LOG.log(Level.WARNING, "AI run on study of case " + target.caseId() + " failed: " + e.getClass().getName(), e);
            prescreened.fire(new StudyPrescreened(target.caseId(), target.organisationId(), studyInstanceUid,
                    "TECHNOLOGICAL_DEFECT", "FAILED", modelId == null ? "default" : modelId, null, null, null, null, 0, 0,
                    onDemand));
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not remove " + dir, e);
        }
    }
}

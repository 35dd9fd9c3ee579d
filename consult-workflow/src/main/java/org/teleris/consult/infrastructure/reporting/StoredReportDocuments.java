package org.teleris.consult.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.intake.StudyStorage;
import org.teleris.consult.application.reporting.ReportDocuments;
import org.teleris.consult.application.reporting.ReportNotFoundException;
import org.teleris.consult.application.reporting.ReportViews;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.reporting.Lang;

/**
 * Documents of delivered reports as files: {@code <data>/reports/<report>/v<versions>.<lang>.pdf}
 * and {@code v<versions>.sr.dcm}. Written once (temporary file, atomic rename), then served as
 * stored; an addendum makes a new delivered state, hence new files; older ones stay readable.
 */
@ApplicationScoped
public class StoredReportDocuments implements ReportDocuments {

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ris.reporting.font-dir", defaultValue = "/usr/share/fonts/truetype/dejavu")
    String fontDir;

    @Inject
    IntakeRepository intake;

    @Inject
    StudyStorage storage;

    @Inject
    Clock clock;

    @Override
    public byte[] pdf(ReportViews.ReportView report, Lang lang) throws IOException {
        Path file = folder(report).resolve("v" + report.versions().size() + "." + lang.code() + ".pdf");
        if (!Files.exists(file)) {
            store(file, new PdfReportWriter(Path.of(fontDir)).write(report, lang));
        }
        return Files.readAllBytes(file);
    }

    @Override
    public byte[] sr(ReportViews.ReportView report) throws IOException {
        Path file = folder(report).resolve("v" + report.versions().size() + ".sr.dcm");
        if (!Files.exists(file)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<StoredInstance> instances = intake.instancesOfStudy(report.item().studyInstanceUid()).stream()
                    .filter(i -> seen.add(i.sopInstanceUid())) // indexed once per case it was sent for
                    .sorted(Comparator.comparing(StoredInstance::seriesInstanceUid)
                            .thenComparing(i -> i.instanceNumber() == null ? 0 : i.instanceNumber()))
                    .toList();
            StoredInstance sample = instances.stream().filter(i -> !"SR".equals(i.modality())).findFirst()
                    .orElseThrow(() -> new ReportNotFoundException(report.item().reportId(),
                            "has no stored image of its study here, so no DICOM SR can reference it"));
            List<SrReportWriter.SourceInstance> sources = instances.stream()
                    .map(i -> new SrReportWriter.SourceInstance(i.seriesInstanceUid(), i.sopClassUid(),
                            i.sopInstanceUid())).toList();
            store(file, new SrReportWriter().write(report, storage.resolve(sample.storagePath()), sources,
                    clock.instant()));
        }
        return Files.readAllBytes(file);
    }

    private Path folder(ReportViews.ReportView report) throws IOException {
        String id = report.item().reportId();
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a report id");
        }
        Path folder = Path.of(dataDir, "reports", id).toAbsolutePath();
        Files.createDirectories(folder);
        return folder;
    }

    private static void store(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.HashSet;
import org.teleris.consult.domain.intake.IntakeRepository;

/**
 * After a crash: files are written before their index row, so a kill between the two leaves a
 * file no row points to (and perhaps a temp file). Both are removed at start-up; a row never
 * points at a missing file.
 */
@ApplicationScoped
public class StorageSweep {

    @Inject
    IntakeRepository repository;

    @Inject
    StudyStorage storage;

    @Transactional
    public int removeOrphans() throws IOException {
        return storage.sweep(new HashSet<>(repository.allStoragePaths()));
    }
}

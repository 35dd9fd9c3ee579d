package org.teleris.consult.application.dicomweb;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.domain.intake.StudyAccessed;

/**
 * Remembers, for one login session, which studies its user has read, so that each is audited
 * once per session rather than once per frame request of a viewer.
 */
@SessionScoped
public class StudyReads implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> read = new HashSet<>();

    @Inject
    transient Event<StudyAccessed> accessed;

    /** Fires {@link StudyAccessed} the first time this session reads the study. */
    public synchronized void reading(ConsultUser reader, String studyInstanceUid, String studyOrganisationId) {
        if (read.add(studyInstanceUid)) {
            accessed.fire(new StudyAccessed(studyInstanceUid, studyOrganisationId, reader.username(),
                    reader.organisationId()));
        }
    }
}

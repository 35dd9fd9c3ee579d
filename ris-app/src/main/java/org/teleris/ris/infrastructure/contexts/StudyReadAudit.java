package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.teleris.consult.domain.intake.StudiesSearched;
import org.teleris.consult.domain.intake.StudyAccessed;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;

/**
 * Who read which stored study through DICOMweb: a study read (series, instances, metadata,
 * frames, renderings; once per user and study in a login session) as DICOM Instances Accessed,
 * each study search as a Query. De-identified UIDs only.
 */
@ApplicationScoped
public class StudyReadAudit {

    @Inject
    AuditLog auditLog;

    void accessed(@Observes StudyAccessed event) {
        auditLog.record(new AuditEntry(event.readerUsername(), event.readerOrganisationId(),
                AuditAction.INSTANCES_ACCESSED, "study", event.studyInstanceUid(), AuditOutcome.SUCCESS));
    }

    void searched(@Observes StudiesSearched event) {
        auditLog.record(new AuditEntry(event.readerUsername(), event.readerOrganisationId(),
                AuditAction.STUDIES_QUERIED, "study", event.studyInstanceUid(), AuditOutcome.SUCCESS));
    }
}

package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationKind;
import org.teleris.ris.domain.identity.OrganisationRepository;

/**
 * The administrator creates and changes organisations: a unique name, DICOM AE titles unique
 * across all organisations, and upload settings. Every change is audited.
 */
@ApplicationScoped
public class OrganisationAdministration {

    @Inject
    OrganisationRepository organisations;

    @Inject
    AuditLog auditLog;

    @Transactional
    public Organisation create(SessionUser admin, String name, OrganisationKind kind, List<String> aeTitles,
                               Boolean dicomNetworkEnabled) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: REGIONAL_CLINIC or REFERENCE_CENTRE");
        }
        Organisation organisation = new Organisation(name, kind, aeTitles == null ? List.of() : aeTitles);
        checkUnique(organisation.id(), organisation.name(), organisation.aeTitles());
        organisation.setDicomNetworkEnabled(dicomNetworkEnabled == null || dicomNetworkEnabled);
        organisations.add(organisation);
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.ORGANISATION_CREATED,
                "organisation", organisation.id(), AuditOutcome.SUCCESS));
        return organisation;
    }

    /** Name, AE titles and upload settings; the kind stays (its users' roles depend on it). */
    @Transactional
    public Organisation change(SessionUser admin, String id, String name, OrganisationKind kind, List<String> aeTitles,
                               Boolean dicomNetworkEnabled) {
        Organisation organisation = organisations.find(id)
                .orElseThrow(() -> new OrganisationNotFoundException(id));
        if (kind != null && kind != organisation.kind()) {
            throw new IllegalArgumentException("the kind of an organisation cannot be changed (its users' roles"
                    + " depend on it); create a new organisation instead");
        }
        List<String> titles = aeTitles == null ? organisation.aeTitles() : Organisation.normaliseAeTitles(aeTitles);
        checkUnique(organisation.id(), name, titles);
        organisation.rename(name);
        organisation.replaceAeTitles(titles);
        if (dicomNetworkEnabled != null) {
            organisation.setDicomNetworkEnabled(dicomNetworkEnabled);
        }
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.ORGANISATION_CHANGED,
                "organisation", organisation.id(), AuditOutcome.SUCCESS));
        return organisation;
    }

    private void checkUnique(String id, String name, List<String> aeTitles) {
        organisations.findByName(name == null ? "" : name.strip()).filter(o -> !o.id().equals(id)).ifPresent(o -> {
            throw new IllegalArgumentException("the name '" + o.name() + "' is taken by another organisation");
        });
        for (String aeTitle : aeTitles) {
            organisations.findByAeTitle(aeTitle).filter(o -> !Objects.equals(o.id(), id)).ifPresent(o -> {
                throw new IllegalArgumentException("AE title " + aeTitle + " already belongs to " + o.name());
            });
        }
    }
}

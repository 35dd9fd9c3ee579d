package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.teleris.consult.application.intake.CallingAeDirectory;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationRepository;

/**
 * Maps a DICOM association's calling AE title to the organisation that registered it, unless the
 * administrator has switched that organisation's DICOM network uploads off.
 */
@ApplicationScoped
public class OrganisationAeTitles implements CallingAeDirectory {

    @Inject
    OrganisationRepository organisations;

    @Override
    @Transactional
    public Optional<String> organisationOf(String callingAeTitle) {
        if (callingAeTitle == null || callingAeTitle.isBlank()) {
            return Optional.empty();
        }
        return organisations.findByAeTitle(callingAeTitle.trim()).filter(Organisation::dicomNetworkEnabled)
                .map(Organisation::id);
    }
}

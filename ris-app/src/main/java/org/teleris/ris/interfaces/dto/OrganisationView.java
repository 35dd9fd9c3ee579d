package org.teleris.ris.interfaces.dto;

import java.util.List;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationKind;

public record OrganisationView(String id, String name, OrganisationKind kind, List<String> aeTitles,
                               boolean dicomNetworkEnabled) {

    public static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id(), organisation.name(), organisation.kind(),
                organisation.aeTitles(), organisation.dicomNetworkEnabled());
    }
}

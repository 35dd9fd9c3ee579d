package org.teleris.ris.domain.identity;

import java.util.List;
import java.util.Optional;

public interface OrganisationRepository {

    void add(Organisation organisation);

    Optional<Organisation> find(String id);

    Optional<Organisation> findByName(String name);

    List<Organisation> all();

    /** The organisation that owns a DICOM AE title (titles are unique across organisations). */
    Optional<Organisation> findByAeTitle(String aeTitle);
}

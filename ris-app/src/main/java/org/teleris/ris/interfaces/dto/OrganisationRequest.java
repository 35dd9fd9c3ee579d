package org.teleris.ris.interfaces.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.teleris.ris.domain.identity.OrganisationKind;

/**
 * Inbound JSON for creating or changing an organisation (a class, not a record: see LoginRequest).
 * {@code kind} is needed to create one and cannot be changed afterwards.
 */
public class OrganisationRequest {
    @NotBlank
    @Size(max = 200)
    public String name;

    public OrganisationKind kind;

    @Size(max = 50)
    public List<String> aeTitles;

    /** Upload setting: may its AE titles send over the DICOM network? Default yes. */
    public Boolean dicomNetworkEnabled;
}

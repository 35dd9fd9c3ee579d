package org.teleris.triage.interfaces;

import jakarta.validation.Valid;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.teleris.triage.domain.BodyPart;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.TriageCase;

/** Inbound JSON; a class, not a record, because of Payara's OpenAPI generator (see LoginRequest). */
public class NewCaseRequest {
    @NotBlank
    @Size(max = TriageCase.MAX_QUESTION_LENGTH)
    public String question;

    @NotNull
    public Modality modality;

    @NotNull
    public BodyPart bodyPart;

    @Valid
    public ClinicalDataRequest clinical;

    /** Previews uploaded beforehand (POST /api/previews), attached to the new case. */
    @Size(max = 20)
    public List<@NotBlank @Size(max = 36) String> previewIds;

    /** The author has seen the PHI warning for this text and confirms it holds no personal data. */
    public boolean phiAcknowledged;
}

package org.teleris.consult.domain.intake;

/** A QIDO-RS study search, audited by the host as a Query ({@code studyInstanceUid} when the search named one). */
public record StudiesSearched(String readerUsername, String readerOrganisationId, String studyInstanceUid,
                              int matches) {
}

package org.teleris.consult.application.intake;

import java.util.Optional;

/**
 * Finds the upload session an association or STOW-RS request belongs to when the sender names
 * none: the organisation's open session (the oldest one if several are open).
 */
public interface OpenUploadSessions {

    Optional<String> openSessionFor(String organisationId);
}

package org.teleris.consult.application.intake;

import java.util.Optional;

/**
 * Finds the upload session an association or STOW-RS request belongs to when the sender names
 * none: the organisation's open session (the newest one if several are open: a PACS pushes the
 * study right after the consultant asked for it).
 */
public interface OpenUploadSessions {

    Optional<String> openSessionFor(String organisationId);
}

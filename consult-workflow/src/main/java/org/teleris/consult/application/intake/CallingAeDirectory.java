package org.teleris.consult.application.intake;

import java.util.Optional;

/** Port: which organisation a DICOM calling AE title belongs to (organisations carry their AE titles). */
public interface CallingAeDirectory {

    Optional<String> organisationOf(String callingAeTitle);
}

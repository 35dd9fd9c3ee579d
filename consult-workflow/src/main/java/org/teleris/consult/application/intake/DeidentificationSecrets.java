package org.teleris.consult.application.intake;

/** Port: the per-organisation secret that drives pseudonyms, UID remapping and date shifts. */
public interface DeidentificationSecrets {

    byte[] secretFor(String organisationId);
}

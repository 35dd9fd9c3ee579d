package org.teleris.triage.application;

/** Port: the per-organisation secret that drives pseudonyms, UID remapping and date shifts. */
public interface TenantSecrets {

    byte[] secretFor(String organisationId);
}

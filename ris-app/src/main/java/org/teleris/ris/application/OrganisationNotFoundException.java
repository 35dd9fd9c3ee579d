package org.teleris.ris.application;

/** No such organisation: 404. */
public class OrganisationNotFoundException extends RuntimeException {

    public OrganisationNotFoundException(String id) {
        super("No organisation " + id + ".");
    }
}

package org.teleris.ris.domain.identity;

/** The four kinds of people who use the product. The names are the security roles. */
public enum Role {
    /** A doctor at a regional clinic: creates cases and reads reports for their own organisation. */
    DOCTOR,
    /** A duty consultant of the reference centre: works the triage channel. */
    CONSULTANT,
    /** An expert radiologist of the reference centre: reports full studies, reads second. */
    EXPERT,
    /** An administrator of the reference centre: organisations, users, audits. */
    ADMIN;

    /** Which kind of organisation a user with this role must belong to. */
    public OrganisationKind requiredOrganisationKind() {
        return this == DOCTOR ? OrganisationKind.REGIONAL_CLINIC : OrganisationKind.REFERENCE_CENTRE;
    }

    /** Whether the role sees cases of every organisation (the reference centre's view). */
    public boolean seesAllOrganisations() {
        return this != DOCTOR;
    }
}

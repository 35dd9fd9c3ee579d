package org.teleris.ris.domain.identity;

/** A tenant is either the reference centre that gives opinions or a regional clinic that asks. */
public enum OrganisationKind {
    REFERENCE_CENTRE,
    REGIONAL_CLINIC
}

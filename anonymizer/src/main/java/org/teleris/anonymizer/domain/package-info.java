/**
 * The de-identification rules as plain Java: the PS3.15 Annex E profile as data, options, pseudonyms, UID remapping,
 * date shifting, descriptor cleaning, the residual-PHI verifier rules and the report model, applied to a data set
 * through {@link org.teleris.anonymizer.domain.EditableDataSet}. No toolkit types here.
 */
package org.teleris.anonymizer.domain;

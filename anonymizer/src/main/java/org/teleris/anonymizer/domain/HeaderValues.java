package org.teleris.anonymizer.domain;

/** Top-level values of an instance, for callers that index it (UIDs, numbers, dates), never for logging. */
public interface HeaderValues {

    /** The first value of a top-level element without padding, or "" when absent or empty. */
    String first(Tag tag);

    /** The transfer syntax of the file (from its meta header). */
    String transferSyntaxUid();
}

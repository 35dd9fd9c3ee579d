package org.teleris.anonymizer.domain;

/** Kinds of residual-PHI findings. */
public enum FindingKind {
    SOURCE_VALUE_IN_ELEMENT,
    SOURCE_VALUE_IN_RAW_BYTES,
    PERSON_NAME,
    PHONE_NUMBER,
    EMAIL,
    IDENTIFIER_LIKE,
    ATTRIBUTE_SHOULD_BE_REMOVED,
    ATTRIBUTE_SHOULD_BE_EMPTY,
    PRIVATE_NOT_SAFE,
    OVERLAY_OR_CURVE,
    IDENTITY_NOT_MARKED_REMOVED,
    BURNED_IN_TEXT
}

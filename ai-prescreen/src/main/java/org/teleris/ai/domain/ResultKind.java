package org.teleris.ai.domain;

/** What became of a prescreen request. Only COMPLETED carries findings. */
public enum ResultKind {
    COMPLETED,
    /** The input cannot be judged by the model (video, not CT, not chest, too few slices...). */
    NOT_ANALYSABLE,
    /** The model failed, timed out, was rejected by a full queue or returned malformed output. */
    TECHNOLOGICAL_DEFECT
}

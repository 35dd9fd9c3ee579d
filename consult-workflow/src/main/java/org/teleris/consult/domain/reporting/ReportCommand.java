package org.teleris.consult.domain.reporting;

/** The explicit commands of stage II reporting. */
public enum ReportCommand {
    CLAIM, RELEASE, ASSIGN, SAVE_DRAFT, SIGN, SECOND_READ_AGREE, SECOND_READ_DISAGREE, ADD_ADDENDUM
}

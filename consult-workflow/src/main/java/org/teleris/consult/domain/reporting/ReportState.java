package org.teleris.consult.domain.reporting;

/** Where a study's report is: waiting in the worklist, being written, waiting for a second reader, delivered. */
public enum ReportState { WAITING, IN_REPORTING, AWAITING_SECOND_READ, DELIVERED }

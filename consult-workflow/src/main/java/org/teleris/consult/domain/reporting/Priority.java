package org.teleris.consult.domain.reporting;

/** Worklist priority: urgent when the requesting doctor's clinical data already point to CT-3 or worse. */
public enum Priority { URGENT, ROUTINE }

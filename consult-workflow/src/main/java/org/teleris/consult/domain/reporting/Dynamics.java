package org.teleris.consult.domain.reporting;

/** Change against the previous study, when there is one. */
public enum Dynamics { NO_PREVIOUS, IMPROVED, STABLE, WORSE }

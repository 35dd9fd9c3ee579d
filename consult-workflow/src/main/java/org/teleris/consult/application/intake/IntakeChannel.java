package org.teleris.consult.application.intake;

/** How an instance reached us; kept for the anonymisation audit. */
public enum IntakeChannel { BROWSER, CLI, STOW_RS, C_STORE }

/**
 * Full-study intake: one entry point for every path (browser, command line, STOW-RS, C-STORE) that
 * de-identifies or verifies, deduplicates, stores atomically and indexes each instance.
 */
package org.teleris.consult.application.intake;

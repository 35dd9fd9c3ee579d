/**
 * Workload figures for the administrator's dashboard: per-case facts from the contexts in, counts,
 * shares, times against the triage limit and per-consultant load out (pure calculation, no I/O).
 */
package org.teleris.ris.domain.workload;

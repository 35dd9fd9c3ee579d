/**
 * Intake adapters: JPA for sessions and the index, the file store (atomic writes, start-up sweep),
 * the anonymizer as the de-identification port, and the timer for quiet C-STORE sessions.
 */
package org.teleris.consult.infrastructure.intake;

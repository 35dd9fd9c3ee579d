/**
 * JPA repositories and the in-process fan-out of channel events to open WebSocket sessions,
 * which a cluster topic can replace.
 */
package org.teleris.triage.infrastructure;

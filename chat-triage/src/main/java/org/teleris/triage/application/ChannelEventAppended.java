package org.teleris.triage.application;

/**
 * A channel message that has been stored; fanned out to the open sockets once its transaction
 * commits. Small and immutable, so that a cluster topic can carry it between server instances.
 */
public record ChannelEventAppended(long sequence, String organisationId, String type, String caseId,
                                   String payload) {
}

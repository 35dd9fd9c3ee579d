/**
 * Stage I use cases (submit a case, query cases, catch up on the channel) with their transaction
 * boundaries, and the ports the context needs from its host (who is calling, how to broadcast).
 */
package org.teleris.triage.application;

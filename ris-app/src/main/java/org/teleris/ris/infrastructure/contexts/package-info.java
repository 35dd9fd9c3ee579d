/**
 * Adapters between the host application and the bounded contexts: the ports the contexts declare
 * (who is calling) implemented from the session, and their domain events turned into audit records.
 */
package org.teleris.ris.infrastructure.contexts;

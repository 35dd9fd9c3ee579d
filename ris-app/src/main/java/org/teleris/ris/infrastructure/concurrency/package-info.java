/**
 * The managed executors the bounded contexts run their background work on, each of its own so
 * that one context's queue never holds up another's (defined here: Payara reads only the WAR's classes).
 */
package org.teleris.ris.infrastructure.concurrency;

/**
 * MicroProfile Health checks: liveness of the process and readiness of the database.
 * Served by Payara Micro under /health.
 */
package org.teleris.ris.infrastructure.health;

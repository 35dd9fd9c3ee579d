/**
 * Start-up work: database migrations, then the demo organisations and users when configured.
 * Runs once per deployment, before the first request.
 */
package org.teleris.ris.infrastructure.bootstrap;

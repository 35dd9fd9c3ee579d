/**
 * Use-case services of the application core: logging in, appending to and verifying the audit log,
 * administration queries. Each service owns its transaction boundary.
 */
package org.teleris.ris.application;

/**
 * Resumable uploads (tus 1.0) of the full study: one upload per file, its length, durable offset,
 * owner and expiry, and the rules on where the next bytes may go.
 */
package org.teleris.consult.domain.upload;

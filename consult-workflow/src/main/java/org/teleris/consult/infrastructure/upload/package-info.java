/**
 * Partial uploads on disk under the data directory, encrypted with a per-upload AES-CTR key, fsynced
 * before an offset is acknowledged; the timer that deletes expired uploads.
 */
package org.teleris.consult.infrastructure.upload;

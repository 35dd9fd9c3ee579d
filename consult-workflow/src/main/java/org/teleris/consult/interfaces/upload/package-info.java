/**
 * The tus 1.0 resource (core, creation, termination, expiration, checksum) under /api/uploads, and the
 * outcome of each finished upload for the browser and the command-line uploader.
 */
package org.teleris.consult.interfaces.upload;

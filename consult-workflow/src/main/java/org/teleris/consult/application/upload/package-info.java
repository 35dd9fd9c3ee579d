/**
 * Resumable upload use cases: create, append at the durable offset, terminate, and hand a finished
 * upload (one instance, or a zip unpacked under guards) to the intake; the store port they use.
 */
package org.teleris.consult.application.upload;

/**
 * Use-case facades the server and the CLI call: {@link org.teleris.anonymizer.application.DicomDeidentifier},
 * {@link org.teleris.anonymizer.application.DeidentifiedFileVerifier} and {@link org.teleris.anonymizer.application.PreviewSanitizer}.
 */
package org.teleris.anonymizer.application;

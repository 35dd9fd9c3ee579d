package org.teleris.triage.application;

/** Port: turns uploaded bytes into an anonymised preview, or refuses them with a reason. */
public interface PreviewSanitizing {

    record Sanitized(byte[] bytes, String kind, String mediaType, String reportJson) {
    }

    /** A refusal the uploader can act on: a machine code and a readable message. */
    class RefusedException extends Exception {
        private final String code;

        public RefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    Sanitized sanitize(byte[] content, String untrustedFileName, String organisationId) throws RefusedException;
}

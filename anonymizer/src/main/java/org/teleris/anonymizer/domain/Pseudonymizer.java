package org.teleris.anonymizer.domain;

/** Derives a patient's pseudonym and date shift from the organisation secret and the source identity. */
public final class Pseudonymizer {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    /** Shifts stay within 10 years back (at least 1 day), so seasons blur but age at study keeps its meaning. */
    private static final int MAX_SHIFT_DAYS = 3650;

    private final OrganisationSecret secret;

    public Pseudonymizer(OrganisationSecret secret) {
        this.secret = secret;
    }

    /**
     * @param patientId   source PatientID (may be empty)
     * @param issuer      source IssuerOfPatientID (may be empty)
     * @param patientName used only when there is no id, so that id-less files of one patient still group together
     */
    public Pseudonym pseudonymFor(String patientId, String issuer, String patientName, String birthDate) {
        String identity = patientId == null || patientId.isBlank()
                ? "name:" + nz(patientName).trim().toUpperCase(java.util.Locale.ROOT) + "|" + nz(birthDate).trim()
                : "id:" + nz(issuer).trim() + "|" + patientId.trim();
        byte[] h = secret.hmac("patient", identity);
        StringBuilder id = new StringBuilder(Pseudonym.PREFIX);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (h[i] & 0xFF);
        }
        for (int i = 0; i < 12; i++) {
            id.append(BASE32[(int) ((bits >>> (64 - 5 * (i + 1))) & 31)]);
        }
        byte[] s = secret.hmac("date-shift", id.toString());
        int raw = ((s[0] & 0xFF) << 16) | ((s[1] & 0xFF) << 8) | (s[2] & 0xFF);
        return new Pseudonym(id.toString(), -(1 + raw % MAX_SHIFT_DAYS));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package org.teleris.anonymizer.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The per-organisation key behind UIDs, pseudonyms and date shifts. Same secret + same input = same output, so a
 * re-upload maps to the same study; without the secret the mapping cannot be reversed or recomputed.
 */
public final class OrganisationSecret {

    public static final int MINIMUM_BYTES = 16;
    private final byte[] key;
    /** Digest lookup and key set-up cost more than the hash itself; each thread keeps an initialised one. */
    private final transient ThreadLocal<HmacSha256> macs = ThreadLocal.withInitial(this::newMac);

    public OrganisationSecret(byte[] key) {
        if (key == null || key.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("organisation secret must have at least " + MINIMUM_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** HMAC-SHA256 of a purpose-prefixed text, so that UIDs, pseudonyms and shifts never share a hash input. */
    public byte[] hmac(String purpose, String text) {
        return macs.get().mac(purpose.getBytes(StandardCharsets.UTF_8), ZERO, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final byte[] ZERO = {0};

    private HmacSha256 newMac() {
        return new HmacSha256(key);
    }

    @Override
    public String toString() {
        return "OrganisationSecret[" + key.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganisationSecret s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }
}

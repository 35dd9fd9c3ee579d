package org.teleris.anonymizer.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-organisation key behind UIDs, pseudonyms and date shifts. Same secret + same input = same output, so a
 * re-upload maps to the same study; without the secret the mapping cannot be reversed or recomputed.
 */
public final class OrganisationSecret {

    public static final int MINIMUM_BYTES = 16;
    private final byte[] key;
    /** Mac lookup and key set-up cost more than the hash itself; each thread keeps an initialised one. */
    private final transient ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public OrganisationSecret(byte[] key) {
        if (key == null || key.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("organisation secret must have at least " + MINIMUM_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** HMAC-SHA256 of a purpose-prefixed text, so that UIDs, pseudonyms and shifts never share a hash input. */
    public byte[] hmac(String purpose, String text) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
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

package org.teleris.anonymizer.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) on top of the JDK's SHA-256 {@link MessageDigest}. Same output as
 * {@code javax.crypto.Mac.getInstance("HmacSHA256")}, but found in the first security provider: the JCE lookup of
 * a Mac instantiated every provider before SunJCE (RSA, EC, XML signatures...), tens of milliseconds of each CLI
 * start. Not thread-safe: one per thread.
 */
final class HmacSha256 {

    private static final int BLOCK = 64;
    private final MessageDigest digest;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];

    HmacSha256(byte[] key) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
        byte[] k = key.length > BLOCK ? digest.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** HMAC of the concatenation of {@code parts}. */
    byte[] mac(byte[]... parts) {
        digest.reset();
        digest.update(innerPad);
        for (byte[] p : parts) {
            digest.update(p);
        }
        byte[] inner = digest.digest();
        digest.update(outerPad);
        return digest.digest(inner);
    }
}

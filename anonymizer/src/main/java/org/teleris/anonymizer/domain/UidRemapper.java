package org.teleris.anonymizer.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces instance UIDs by {@code 2.25.<decimal>} UIDs derived from HMAC(secret, uid) (a 128-bit value shaped as a
 * version 8 UUID), so references stay consistent across files and re-uploads. UIDs under the DICOM root name classes,
 * syntaxes and coding schemes and are kept.
 */
public final class UidRemapper {

    private static final String DICOM_ROOT = "1.2.840.10008.";
    private final OrganisationSecret secret;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public UidRemapper(OrganisationSecret secret) {
        this.secret = secret;
    }

    public String remap(String uid) {
        String trimmed = uid.trim();
        if (trimmed.isEmpty() || trimmed.startsWith(DICOM_ROOT)) {
            return trimmed;
        }
        return cache.computeIfAbsent(trimmed, this::derive);
    }

    private String derive(String uid) {
        byte[] h = secret.hmac("uid", uid);
        byte[] uuid = java.util.Arrays.copyOf(h, 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x80);
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(1, uuid);
    }

    public static boolean looksRemapped(String uid) {
        return uid.startsWith("2.25.") || uid.startsWith(DICOM_ROOT);
    }
}

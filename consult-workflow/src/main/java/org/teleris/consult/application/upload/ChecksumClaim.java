package org.teleris.consult.application.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** tus checksum extension: {@code Upload-Checksum: <algorithm> <base64 digest>} of one PATCH body. */
public record ChecksumClaim(String algorithm, byte[] expected) {

    public static final String SUPPORTED = "sha1,sha256";

    /** Null for no header; {@link UploadRefusedException} for an unsupported algorithm or bad base64. */
    public static ChecksumClaim parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.trim().split(" ", 2);
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!algorithm.equals("sha1") && !algorithm.equals("sha256")) {
            throw new UploadRefusedException(UploadRefusedException.Reason.BAD_REQUEST,
                    "Upload-Checksum algorithm " + parts[0] + " is not supported; use one of " + SUPPORTED + ".");
        }
        try {
            return new ChecksumClaim(algorithm, Base64.getDecoder().decode(parts.length > 1 ? parts[1].trim() : ""));
        } catch (IllegalArgumentException e) {
            throw new UploadRefusedException(UploadRefusedException.Reason.BAD_REQUEST,
                    "Upload-Checksum must be '<algorithm> <base64 digest>'.");
        }
    }

    public MessageDigest digest() {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("part of every Java runtime", e);
        }
    }
}

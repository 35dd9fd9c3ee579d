package org.teleris.ris.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chaining rule: each record carries the hash of its predecessor and its own hash over its
 * content and that predecessor hash. The hash is an HMAC-SHA-256 under a server key, so that
 * someone who can edit the table but not read the server's configuration cannot forge a
 * consistent chain after changing a record.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public AuditChain(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the audit chain key must have at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Makes the record that follows the head and moves the head onto it. */
    public AuditRecord append(AuditHead head, AuditEntry entry, Instant now) {
        // Databases keep microseconds at best; hashing what they give back keeps the chain verifiable.
        Instant recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        long sequence = head.lastSequence() + 1;
        String hash = hashOf(sequence, recordedAt, entry, head.lastHash());
        AuditRecord record = new AuditRecord(sequence, recordedAt, entry, head.lastHash(), hash);
        head.advanceTo(record);
        return record;
    }

    String hashOf(long sequence, Instant recordedAt, AuditEntry entry, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {sequence, recordedAt.toEpochMilli(), entry.actor(), entry.organisationId(),
                entry.action(), entry.objectType(), entry.objectId(), entry.outcome(), previousHash}) {
            // Length-prefixing makes the encoding unambiguous whatever the fields contain.
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append(';');
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Starts a verification; feed it every record in ascending order, then {@link Verification#finish}. */
    public Verification verification() {
        return new Verification();
    }

    /** Walks the chain once, remembering the first record that breaks it. */
    public final class Verification {
        private long expectedSequence = 1;
        private String expectedPreviousHash = GENESIS;
        private long checked;
        private ChainReport failure;

        /** @return false once the chain is known to be broken (no need to read further) */
        public boolean accept(AuditRecord record) {
            if (failure != null) {
                return false;
            }
            if (record.sequence() != expectedSequence) {
                failure = ChainReport.broken(checked, expectedSequence, "record " + expectedSequence
                        + " is missing: the next record present is " + record.sequence());
            } else if (!record.previousHash().equals(expectedPreviousHash)) {
                failure = ChainReport.broken(checked, record.sequence(),
                        "record " + record.sequence() + " does not link to the hash of the record before it");
            } else if (!record.hash().equals(hashOf(record.sequence(), record.recordedAt(), record.entry(),
                    record.previousHash()))) {
                failure = ChainReport.broken(checked, record.sequence(),
                        "record " + record.sequence() + " was altered: its content does not match its hash");
            } else {
                checked++;
                expectedSequence++;
                expectedPreviousHash = record.hash();
            }
            return failure == null;
        }

        public ChainReport finish(AuditHead head) {
            if (failure != null) {
                return failure;
            }
            long last = expectedSequence - 1;
            if (head.lastSequence() != last) {
                return ChainReport.broken(checked, last + 1, "records " + (last + 1) + " to " + head.lastSequence()
                        + " are missing at the end of the log");
            }
            if (!head.lastHash().equals(expectedPreviousHash)) {
                return ChainReport.broken(checked, last, "the head of the log does not match record " + last);
            }
            return ChainReport.intact(checked);
        }
    }
}

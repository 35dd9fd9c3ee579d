package org.teleris.ris.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final AuditChain chain = new AuditChain(KEY);
    private AuditHead head;
    private List<AuditRecord> records;

    @BeforeEach
    void fiveRecords() {
        head = AuditHead.empty();
        records = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T10:00:00.123456Z");
        for (int i = 1; i <= 5; i++) {
            records.add(chain.append(head, entry("user" + i, "case-" + i), t.plusSeconds(i)));
        }
    }

    private static AuditEntry entry(String actor, String objectId) {
        return new AuditEntry(actor, "org-1", AuditAction.CASE_ACCESSED, "case", objectId, AuditOutcome.SUCCESS);
    }

    private ChainReport verify(List<AuditRecord> stored, AuditHead storedHead) {
        AuditChain.Verification verification = chain.verification();
        for (AuditRecord record : stored) {
            if (!verification.accept(record)) {
                break;
            }
        }
        return verification.finish(storedHead);
    }

    @Test
    void recordsLinkToTheirPredecessorAndTheHeadFollows() {
        assertEquals(AuditChain.GENESIS, records.get(0).previousHash());
        for (int i = 1; i < records.size(); i++) {
            assertEquals(i + 1, records.get(i).sequence());
            assertEquals(records.get(i - 1).hash(), records.get(i).previousHash());
        }
        assertEquals(5, head.lastSequence());
        assertEquals(records.get(4).hash(), head.lastHash());
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainReport report = verify(records, head);
        assertTrue(report.intact(), report.problem());
        assertEquals(5, report.checked());
    }

    @Test
    void timesAreKeptToTheMillisecondSoThatDatabasesReturnWhatWasHashed() {
        assertEquals(Instant.parse("2026-11-23T10:00:01.123Z"), records.get(0).recordedAt());
    }

    @Test
    void anAlteredRecordIsNamed() {
        AuditRecord original = records.get(2);
        records.set(2, new AuditRecord(original.sequence(), original.recordedAt(), entry("mallory", "case-3"),
                original.previousHash(), original.hash()));
        ChainReport report = verify(records, head);
        assertFalse(report.intact());
        assertEquals(3L, report.firstBadSequence());
        assertTrue(report.problem().contains("altered"), report.problem());
        assertEquals(2, report.checked());
    }

    @Test
    void aDeletedRecordIsNamedAsMissing() {
        records.remove(1);
        ChainReport report = verify(records, head);
        assertEquals(2L, report.firstBadSequence());
        assertTrue(report.problem().contains("missing"), report.problem());
    }

    @Test
    void aDeletedTailIsNoticedThroughTheHead() {
        records.remove(4);
        records.remove(3);
        ChainReport report = verify(records, head);
        assertEquals(4L, report.firstBadSequence());
        assertTrue(report.problem().contains("4 to 5"), report.problem());
    }

    @Test
    void aRecordRehashedWithoutTheKeyDoesNotLink() {
        AuditChain forger = new AuditChain("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
        AuditHead forgedHead = AuditHead.empty();
        List<AuditRecord> forged = new ArrayList<>();
        for (AuditRecord record : records) {
            forged.add(forger.append(forgedHead, record.entry(), record.recordedAt()));
        }
        ChainReport report = verify(forged, forgedHead);
        assertFalse(report.intact());
        assertEquals(1L, report.firstBadSequence());
    }

    @Test
    void theHashCoversEveryField() {
        AuditRecord first = records.get(0);
        String base = chain.hashOf(1, first.recordedAt(), first.entry(), AuditChain.GENESIS);
        AuditEntry e = first.entry();
        List<String> variants = List.of(
                chain.hashOf(2, first.recordedAt(), e, AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt().plusMillis(1), e, AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), new AuditEntry("x", e.organisationId(), e.action(), e.objectType(),
                        e.objectId(), e.outcome()), AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), new AuditEntry(e.actor(), null, e.action(), e.objectType(),
                        e.objectId(), e.outcome()), AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), new AuditEntry(e.actor(), e.organisationId(), AuditAction.USER_LOGIN,
                        e.objectType(), e.objectId(), e.outcome()), AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), new AuditEntry(e.actor(), e.organisationId(), e.action(), "user",
                        e.objectId(), e.outcome()), AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), new AuditEntry(e.actor(), e.organisationId(), e.action(),
                        e.objectType(), "case-9", e.outcome()), AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), new AuditEntry(e.actor(), e.organisationId(), e.action(),
                        e.objectType(), e.objectId(), AuditOutcome.REFUSED), AuditChain.GENESIS),
                chain.hashOf(1, first.recordedAt(), e, "1".repeat(64)));
        variants.forEach(variant -> assertNotEquals(base, variant));
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameHash() {
        Instant t = Instant.EPOCH;
        String a = chain.hashOf(1, t, new AuditEntry("ab", "c", AuditAction.USER_LOGIN, null, null,
                AuditOutcome.SUCCESS), AuditChain.GENESIS);
        String b = chain.hashOf(1, t, new AuditEntry("a", "bc", AuditAction.USER_LOGIN, null, null,
                AuditOutcome.SUCCESS), AuditChain.GENESIS);
        assertNotEquals(a, b);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AuditChain(new byte[16]));
    }
}

package org.teleris.consult.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The upload session's rules: counting, completing, and the quiet period of C-STORE. */
class UploadSessionTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void countsByOutcomeAndChannel() {
        UploadSession s = new UploadSession("case", "org", T);
        assertEquals(UploadSessionState.OPEN, s.state());
        s.received("REJECTED", 0, "STOW_RS", T);
        assertEquals(UploadSessionState.OPEN, s.state(), "a refusal alone does not start receiving");
        s.received("STORED", 500, "STOW_RS", T);
        s.received("DUPLICATE", 0, "C_STORE", T);
        s.received("CONFLICT", 0, "C_STORE", T);
        assertEquals(UploadSessionState.RECEIVING, s.state());
        assertEquals(1, s.storedCount());
        assertEquals(1, s.duplicateCount());
        assertEquals(1, s.conflictCount());
        assertEquals(1, s.rejectedCount());
        assertEquals(500, s.storedBytes());
        assertEquals("C_STORE,STOW_RS", s.channels());
        assertThrows(IllegalArgumentException.class, () -> s.received("LOST", 0, "CLI", T));
    }

    @Test
    void storingChangesOnlyTheCountersOfAReceivingSessionThatListsTheChannel() {
        UploadSession s = new UploadSession("case", "org", T);
        assertFalse(s.storingChangesOnlyCounters("C_STORE"), "the first instance starts receiving");
        s.received("STORED", 1, "C_STORE", T);
        assertTrue(s.storingChangesOnlyCounters("C_STORE"));
        assertFalse(s.storingChangesOnlyCounters("STOW_RS"), "a new channel is listed");
        assertFalse(s.storingChangesOnlyCounters("STORE"), "a whole name, not a part of one");
        s.received("STORED", 1, "STOW_RS", T);
        assertTrue(s.storingChangesOnlyCounters("C_STORE"));
        assertTrue(s.storingChangesOnlyCounters("STOW_RS"));
        s.complete("doctor", T);
        assertFalse(s.storingChangesOnlyCounters("C_STORE"), "a complete session takes nothing");
    }

    @Test
    void completingNeedsAStoredInstanceAndHappensOnce() {
        UploadSession s = new UploadSession("case", "org", T);
        assertThrows(UploadNotCompletableException.class, () -> s.complete("doctor", T));
        s.received("STORED", 1, "BROWSER", T);
        s.complete("doctor", T.plusSeconds(5));
        assertEquals(UploadSessionState.COMPLETE, s.state());
        assertFalse(s.acceptsInstances());
        assertEquals(T.plusSeconds(5), s.completedAt());
        assertThrows(UploadNotCompletableException.class, () -> s.complete("doctor", T));
    }

    @Test
    void onlyQuietCStoreSessionsCompleteByThemselves() {
        Duration quiet = Duration.ofMinutes(2);
        UploadSession pacs = new UploadSession("case", "org", T);
        pacs.received("STORED", 1, "C_STORE", T);
        assertFalse(pacs.isQuietCStoreSession(T.plusSeconds(119), quiet));
        assertTrue(pacs.isQuietCStoreSession(T.plusSeconds(120), quiet));
        UploadSession browser = new UploadSession("case2", "org", T);
        browser.received("STORED", 1, "BROWSER", T);
        assertFalse(browser.isQuietCStoreSession(T.plusSeconds(3600), quiet), "the doctor completes browser uploads");
    }
}

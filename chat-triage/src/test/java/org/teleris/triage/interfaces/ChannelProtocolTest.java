package org.teleris.triage.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.teleris.triage.application.ChannelEventAppended;
import org.teleris.triage.infrastructure.ChannelMessages;

class ChannelProtocolTest {

    @Test
    void aResumeMessageNamesTheLastSequenceSeen() {
        assertEquals(Optional.of(42L), ChannelEndpoint.resumeAfter("{\"type\":\"resume\",\"after\":42}"));
        assertEquals(Optional.of(0L), ChannelEndpoint.resumeAfter("{\"after\":0,\"type\":\"resume\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "resume", "[]", "{}", "{\"type\":\"resume\"}", "{\"type\":\"resume\",\"after\":-1}",
            "{\"type\":\"resume\",\"after\":1.5}", "{\"type\":\"resume\",\"after\":\"7\"}",
            "{\"type\":\"other\",\"after\":7}", "{\"type\":\"resume\",\"after\":7", "{\"type\":7,\"after\":7}"})
    void anythingElseIsNotAResume(String message) {
        assertEquals(Optional.empty(), ChannelEndpoint.resumeAfter(message));
    }

    @Test
    void theEnvelopeCarriesTypeSequenceAndTheStoredPayload() {
        String text = ChannelMessages.envelope(new ChannelEventAppended(7, "north", "case.created", "c1",
                "{\"id\":\"c1\"}"));
        assertEquals("{\"type\":\"case.created\",\"sequence\":7,\"case\":{\"id\":\"c1\"}}", text);
    }
}

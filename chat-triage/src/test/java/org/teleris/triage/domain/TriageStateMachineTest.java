package org.teleris.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state against every command, with the expected outcome written out by hand. */
class TriageStateMachineTest {

    private static final Map<CaseState, Map<TriageCommand, CaseState>> EXPECTED = Map.of(
            CaseState.SUBMITTED, Map.of(
                    TriageCommand.CLAIM, CaseState.CLAIMED,
                    TriageCommand.CANCEL, CaseState.CANCELLED,
                    TriageCommand.POST_MESSAGE, CaseState.SUBMITTED),
            CaseState.CLAIMED, Map.of(
                    TriageCommand.RELEASE, CaseState.SUBMITTED,
                    TriageCommand.REASSIGN, CaseState.CLAIMED,
                    TriageCommand.DECLINE, CaseState.DECLINED,
                    TriageCommand.ANSWER, CaseState.ANSWERED,
                    TriageCommand.REQUEST_FULL_STUDY, CaseState.FULL_STUDY_REQUESTED,
                    TriageCommand.CANCEL, CaseState.CANCELLED,
                    TriageCommand.POST_MESSAGE, CaseState.CLAIMED),
            CaseState.FULL_STUDY_REQUESTED, Map.of(
                    TriageCommand.POST_MESSAGE, CaseState.FULL_STUDY_REQUESTED,
                    TriageCommand.CANCEL, CaseState.CANCELLED),
            CaseState.DECLINED, Map.of(),
            CaseState.ANSWERED, Map.of(),
            CaseState.CANCELLED, Map.of());

    static Stream<Arguments> everyStateAndCommand() {
        return EnumSet.allOf(CaseState.class).stream()
                .flatMap(state -> EnumSet.allOf(TriageCommand.class).stream().map(c -> Arguments.of(state, c)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndCommand")
    void eachCommandIsAllowedOrRefusedAsTheWorkflowSays(CaseState state, TriageCommand command) {
        CaseState expected = EXPECTED.get(state).get(command);
        if (expected != null) {
            assertEquals(expected, TriageStateMachine.next(state, command));
        } else {
            IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                    () -> TriageStateMachine.next(state, command));
            assertEquals(state, refused.current());
            assertEquals(EXPECTED.get(state).keySet(), refused.allowed(), "the refusal lists what is allowed");
        }
    }
}

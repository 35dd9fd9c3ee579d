package org.teleris.triage.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which command is allowed in which state, and where it leads: the whole of stage I's workflow
 * in one table. A command not in the table for the current state is refused with the list of
 * what is allowed instead.
 */
public final class TriageStateMachine {

    private static final Map<CaseState, Map<TriageCommand, CaseState>> TABLE = new EnumMap<>(CaseState.class);

    static {
        allow(CaseState.SUBMITTED, TriageCommand.CLAIM, CaseState.CLAIMED);
        allow(CaseState.SUBMITTED, TriageCommand.CANCEL, CaseState.CANCELLED);
        allow(CaseState.SUBMITTED, TriageCommand.POST_MESSAGE, CaseState.SUBMITTED);

        allow(CaseState.CLAIMED, TriageCommand.RELEASE, CaseState.SUBMITTED);
        allow(CaseState.CLAIMED, TriageCommand.REASSIGN, CaseState.CLAIMED);
        allow(CaseState.CLAIMED, TriageCommand.DECLINE, CaseState.DECLINED);
        allow(CaseState.CLAIMED, TriageCommand.ANSWER, CaseState.ANSWERED);
        allow(CaseState.CLAIMED, TriageCommand.REQUEST_FULL_STUDY, CaseState.FULL_STUDY_REQUESTED);
        allow(CaseState.CLAIMED, TriageCommand.CANCEL, CaseState.CANCELLED);
        allow(CaseState.CLAIMED, TriageCommand.POST_MESSAGE, CaseState.CLAIMED);

        // The doctor and the consultant still talk about what to upload and how.
        allow(CaseState.FULL_STUDY_REQUESTED, TriageCommand.POST_MESSAGE, CaseState.FULL_STUDY_REQUESTED);
        allow(CaseState.FULL_STUDY_REQUESTED, TriageCommand.CANCEL, CaseState.CANCELLED);
    }

    private TriageStateMachine() {
    }

    private static void allow(CaseState from, TriageCommand command, CaseState to) {
        TABLE.computeIfAbsent(from, state -> new EnumMap<>(TriageCommand.class)).put(command, to);
    }

    public static Set<TriageCommand> allowedIn(CaseState state) {
        Map<TriageCommand, CaseState> commands = TABLE.get(state);
        return commands == null ? EnumSet.noneOf(TriageCommand.class) : EnumSet.copyOf(commands.keySet());
    }

    /** @throws IllegalTransitionException when the command is not allowed in that state */
    public static CaseState next(CaseState state, TriageCommand command) {
        CaseState next = TABLE.getOrDefault(state, Map.of()).get(command);
        if (next == null) {
            throw new IllegalTransitionException(state, command, allowedIn(state));
        }
        return next;
    }
}

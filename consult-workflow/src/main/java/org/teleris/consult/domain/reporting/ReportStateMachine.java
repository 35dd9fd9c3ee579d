package org.teleris.consult.domain.reporting;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which command is allowed in which state, and where it may lead: all of stage II reporting in one
 * table. Signing leads to a second read (CT-1..CT-4) or straight to delivery (CT-0); the aggregate
 * picks which, the table says that both are allowed.
 */
public final class ReportStateMachine {

    private static final Map<ReportState, Map<ReportCommand, Set<ReportState>>> TABLE = new EnumMap<>(ReportState.class);

    static {
        allow(ReportState.WAITING, ReportCommand.CLAIM, ReportState.IN_REPORTING);
        allow(ReportState.WAITING, ReportCommand.ASSIGN, ReportState.IN_REPORTING);

        allow(ReportState.IN_REPORTING, ReportCommand.RELEASE, ReportState.WAITING);
        allow(ReportState.IN_REPORTING, ReportCommand.ASSIGN, ReportState.IN_REPORTING);
        allow(ReportState.IN_REPORTING, ReportCommand.SAVE_DRAFT, ReportState.IN_REPORTING);
        allow(ReportState.IN_REPORTING, ReportCommand.SIGN, ReportState.AWAITING_SECOND_READ, ReportState.DELIVERED);

        allow(ReportState.AWAITING_SECOND_READ, ReportCommand.SECOND_READ_AGREE, ReportState.DELIVERED);
        allow(ReportState.AWAITING_SECOND_READ, ReportCommand.SECOND_READ_DISAGREE, ReportState.IN_REPORTING);

        allow(ReportState.DELIVERED, ReportCommand.ADD_ADDENDUM, ReportState.DELIVERED);
    }

    private ReportStateMachine() {
    }

    private static void allow(ReportState from, ReportCommand command, ReportState... to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(ReportCommand.class)).put(command, Set.of(to));
    }

    public static Set<ReportCommand> allowedIn(ReportState state) {
        Map<ReportCommand, Set<ReportState>> commands = TABLE.get(state);
        return commands == null ? EnumSet.noneOf(ReportCommand.class) : EnumSet.copyOf(commands.keySet());
    }

    /** @throws IllegalReportTransitionException when the command is not allowed now */
    public static Set<ReportState> targets(ReportState state, ReportCommand command) {
        Set<ReportState> targets = TABLE.getOrDefault(state, Map.of()).get(command);
        if (targets == null) {
            throw new IllegalReportTransitionException(state, command, allowedIn(state));
        }
        return targets;
    }

    /** The one target of a command that has one; checks that {@code wanted} is a target otherwise. */
    public static ReportState next(ReportState state, ReportCommand command, ReportState wanted) {
        Set<ReportState> targets = targets(state, command);
        if (!targets.contains(wanted)) {
            throw new IllegalStateException(command + " cannot lead from " + state + " to " + wanted);
        }
        return wanted;
    }

    public static ReportState next(ReportState state, ReportCommand command) {
        Set<ReportState> targets = targets(state, command);
        if (targets.size() != 1) {
            throw new IllegalStateException(command + " has several targets; name one");
        }
        return targets.iterator().next();
    }
}

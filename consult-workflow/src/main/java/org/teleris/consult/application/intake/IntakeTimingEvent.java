package org.teleris.consult.application.intake;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Where one instance's intake time went, step by step, as a Java Flight Recorder event
 * ({@code jfr print --events org.teleris.IntakeInstance}). Costs nothing unless a recording is
 * running; see scripts/bench/README.md for how the benchmark summarises it.
 */
@Name("org.teleris.IntakeInstance")
@Label("Intake of one instance")
@Category({"Teleris", "Intake"})
@Description("Per-step times of StudyIntake.receive")
@StackTrace(false)
public class IntakeTimingEvent extends Event {

    @Label("Outcome")
    public String outcome;

    @Label("Size (bytes)")
    public long size;

    @Label("De-identify or verify (read, parse, profile, verifier, encode, write into the staging area)")
    @Timespan(Timespan.NANOSECONDS)
    public long deidentify;

    @Label("Stage (SHA-256 of the prepared file, its size)")
    @Timespan(Timespan.NANOSECONDS)
    public long stage;

    @Label("Session lookup (from memory once the session was read)")
    @Timespan(Timespan.NANOSECONDS)
    public long sessionLookup;

    @Label("Link under the content name")
    @Timespan(Timespan.NANOSECONDS)
    public long publish;

    @Label("Index transaction (row, counters, anonymisation audit record; the wait for the fsyncs; commit)")
    @Timespan(Timespan.NANOSECONDS)
    public long dbCommit;

    @Label("File fsync (from the link, beside the index transaction's statements)")
    @Timespan(Timespan.NANOSECONDS)
    public long fsync;

    @Label("Of the index transaction, the wait for the file and directory fsyncs")
    @Timespan(Timespan.NANOSECONDS)
    public long fsyncAwaited;

    /** Laps of one intake: {@link #lap()} answers the nanoseconds since the previous lap. */
    public static final class Laps {
        private long last = System.nanoTime();

        public long lap() {
            long now = System.nanoTime();
            long d = now - last;
            last = now;
            return d;
        }
    }
}

package org.teleris.consult.infrastructure.dimse;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One C-STORE as the listener saw it (Java Flight Recorder, {@code org.teleris.DimseStore}): the
 * data set's arrival into the spool file, the intake, and writing the response. Costs nothing
 * unless a recording is running.
 */
@Name("org.teleris.DimseStore")
@Label("C-STORE")
@Category({"Teleris", "DICOM"})
@StackTrace(false)
class DimseStoreEvent extends jdk.jfr.Event {

    @Label("Receive (command to last data fragment, into the spool file)")
    @Timespan(Timespan.NANOSECONDS)
    long receive;

    @Label("Intake")
    @Timespan(Timespan.NANOSECONDS)
    long intake;

    @Label("Response")
    @Timespan(Timespan.NANOSECONDS)
    long respond;

    @Label("Status")
    int status;
}

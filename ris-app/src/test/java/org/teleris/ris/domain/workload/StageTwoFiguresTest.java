package org.teleris.ris.domain.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageTwoFiguresTest {

    @Test
    void timesAreMedianNinetiethPercentileAndLongest() {
        StageTwoFigures.Times t = StageTwoFigures.Times.of(List.of(30.0, 10.0, 20.0, 40.0));
        assertEquals(4, t.count());
        assertEquals(25.0, t.medianMinutes(), "mean of the two middle values");
        assertEquals(40.0, t.p90Minutes());
        assertEquals(40.0, t.maxMinutes());
        StageTwoFigures.Times odd = StageTwoFigures.Times.of(List.of(5.0, 1.0, 3.0));
        assertEquals(3.0, odd.medianMinutes());
        assertEquals(5.0, odd.p90Minutes());
        StageTwoFigures.Times none = StageTwoFigures.Times.of(List.of());
        assertEquals(0, none.count());
        assertNull(none.medianMinutes());
    }

    @Test
    void noneHasNoData() {
        assertEquals(false, StageTwoFigures.NONE.available());
        assertEquals(0, StageTwoFigures.NONE.received());
    }
}

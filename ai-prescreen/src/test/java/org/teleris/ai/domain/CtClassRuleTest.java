package org.teleris.ai.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CtClassRuleTest {
    @Test
    void boundariesAreExactlyAsDocumented() {
        assertEquals(CtClass.CT0, CtClassRule.fromInvolvement(0.0));
        assertEquals(CtClass.CT0, CtClassRule.fromInvolvement(0.0199));
        assertEquals(CtClass.CT1, CtClassRule.fromInvolvement(0.02));
        assertEquals(CtClass.CT1, CtClassRule.fromInvolvement(0.25));
        assertEquals(CtClass.CT2, CtClassRule.fromInvolvement(0.2501));
        assertEquals(CtClass.CT2, CtClassRule.fromInvolvement(0.50));
        assertEquals(CtClass.CT3, CtClassRule.fromInvolvement(0.5001));
        assertEquals(CtClass.CT3, CtClassRule.fromInvolvement(0.7499));
        assertEquals(CtClass.CT4, CtClassRule.fromInvolvement(0.75));
        assertEquals(CtClass.CT4, CtClassRule.fromInvolvement(1.0));
    }

    @Test
    void rejectsSharesOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> CtClassRule.fromInvolvement(-0.01));
        assertThrows(IllegalArgumentException.class, () -> CtClassRule.fromInvolvement(1.01));
        assertThrows(IllegalArgumentException.class, () -> CtClassRule.fromInvolvement(Double.NaN));
    }
}

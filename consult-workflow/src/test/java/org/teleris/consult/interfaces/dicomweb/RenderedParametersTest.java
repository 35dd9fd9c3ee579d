package org.teleris.consult.interfaces.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.teleris.consult.application.dicomweb.InstanceContent;

/** The rendered resource's Accept negotiation and {@code window} parameter (PS3.18 8.3.5.1.3). */
class RenderedParametersTest {

    @Test
    void jpegWhenAskedForBeforePng() {
        assertEquals("image/png", DicomWebReadResource.renderedType(null));
        assertEquals("image/png", DicomWebReadResource.renderedType("*/*"));
        assertEquals("image/jpeg", DicomWebReadResource.renderedType("image/jpeg"));
        assertEquals("image/jpeg", DicomWebReadResource.renderedType("image/jpeg, image/png;q=0.5"));
        assertEquals("image/png", DicomWebReadResource.renderedType("image/png, image/jpeg"));
    }

    @Test
    void windowIsCentreWidthAndALinearFunction() {
        assertNull(DicomWebReadResource.window(null));
        assertEquals(new InstanceContent.Window(-600, 1500), DicomWebReadResource.window("-600,1500"));
        assertEquals(new InstanceContent.Window(40, 400), DicomWebReadResource.window("40, 400, linear"));
        assertEquals(new InstanceContent.Window(40.5, 400), DicomWebReadResource.window("40.5,400,LINEAR-EXACT"));
        for (String bad : new String[] {"40", "40,0", "a,b", "40,400,sigmoid", "1,2,3,4", "40,-5"}) {
            assertThrows(IllegalArgumentException.class, () -> DicomWebReadResource.window(bad), bad);
        }
    }
}

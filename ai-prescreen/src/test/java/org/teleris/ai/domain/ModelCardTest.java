package org.teleris.ai.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ModelCardTest {
    static Properties valid() {
        Properties p = new Properties();
        p.setProperty("id", "m");
        p.setProperty("name", "M");
        p.setProperty("version", "2");
        p.setProperty("file", "m.onnx");
        p.setProperty("input.name", "x");
        p.setProperty("input.shape", "1,1,16,64,64");
        p.setProperty("input.spacingMm", "10,5,5");
        p.setProperty("input.huWindow", "-1000,400");
        p.setProperty("input.normalisation", "unit");
        p.setProperty("output.probability", "p");
        return p;
    }

    @Test
    void parsesAValidCard() {
        ModelCard c = ModelCard.fromProperties(valid());
        assertEquals(16, c.depth());
        assertEquals(64, c.width());
        assertEquals(InputNormalisation.UNIT, c.normalisation());
        assertEquals("p", c.output(OutputRole.PROBABILITY).orElseThrow());
        assertTrue(c.output(OutputRole.INVOLVEMENT).isEmpty());
    }

    @Test
    void refusesCardsThatCannotDriveTheSharedPipeline() {
        for (String[] bad : new String[][] {{"input.shape", "1,16,64,64"}, {"input.shape", "2,1,16,64,64"},
                {"input.spacingMm", "1,0,1"}, {"input.huWindow", "400,-1000"}, {"output.probability", ""}}) {
            Properties p = valid();
            p.setProperty(bad[0], bad[1]);
            assertThrows(IllegalArgumentException.class, () -> ModelCard.fromProperties(p), bad[0] + "=" + bad[1]);
        }
        Properties p = valid();
        p.remove("file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCard.fromProperties(p));
        assertTrue(e.getMessage().contains("file"));
    }
}

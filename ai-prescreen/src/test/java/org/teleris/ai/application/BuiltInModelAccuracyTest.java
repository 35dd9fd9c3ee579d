package org.teleris.ai.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.CtClass;
import org.teleris.ai.domain.CtClassRule;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.fixtures.Lesion;
import org.teleris.ai.fixtures.SyntheticChestCt;
import org.teleris.ai.infrastructure.DirectoryModelRegistry;

/**
 * The built-in model on phantoms of known involvement (64 slices of 128 x 128 at 3 x 3 x 5 mm).
 * Stated tolerance: 2.5 percentage points of lung volume per lung and in total, for ground-glass and
 * for consolidation that is either surrounded by lung or pleural-based and narrower than ~50 mm.
 */
class BuiltInModelAccuracyTest {
    static final double TOLERANCE = 0.025;
    private static DirectoryModelRegistry registry;
    private static LoadedModel model;

    @BeforeAll
    static void load() {
        registry = DirectoryModelRegistry.builtInOnly(2);
        assertTrue(registry.rejected().isEmpty(), registry.rejected().toString());
        model = registry.find(registry.defaultModelId()).orElseThrow();
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    static PrescreenResult run(SyntheticChestCt.Phantom p) throws Exception {
        return new PrescreenPipeline().run(new LoadedScan(p.volume(), false, null, List.of()), model, new CancellationToken());
    }

    static SyntheticChestCt phantom(long seed) {
        return new SyntheticChestCt(64, 128, 3.0, 5.0).seed(seed);
    }

    static Stream<Arguments> phantoms() {
        return Stream.of(
                Arguments.of("healthy", phantom(11)),
                Arguments.of("central ground-glass right, consolidation left", phantom(12)
                        .lesion(Lesion.sphere(-80, 20, -20, 30, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(80, -20, 30, 25, Lesion.CONSOLIDATION_HU))),
                Arguments.of("pleural-based consolidation both sides", phantom(13)
                        .lesion(Lesion.sphere(-122, 0, 0, 22, Lesion.CONSOLIDATION_HU))
                        .lesion(Lesion.sphere(75, 70, -30, 20, Lesion.CONSOLIDATION_HU))),
                Arguments.of("peripheral ground-glass four foci", phantom(14)
                        .lesion(Lesion.sphere(-122, 0, 0, 22, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(75, 70, -30, 20, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(-60, -60, 40, 20, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(60, -60, 20, 20, -350f))),
                Arguments.of("moderate bilateral ground-glass", phantom(15)
                        .lesion(new Lesion(-75, 30, -30, 50, 60, 70, Lesion.GROUND_GLASS_HU))
                        .lesion(new Lesion(75, 30, -30, 50, 60, 70, Lesion.GROUND_GLASS_HU))),
                Arguments.of("severe, asymmetric", phantom(16)
                        .lesion(new Lesion(-75, 10, -20, 60, 80, 95, Lesion.GROUND_GLASS_HU))
                        .lesion(new Lesion(75, 20, -20, 60, 70, 80, Lesion.GROUND_GLASS_HU))),
                Arguments.of("arms, table and field-of-view padding around bilateral ground-glass", phantom(18)
                        .scannerSurroundings()
                        .lesion(Lesion.sphere(-115, 10, 0, 30, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(115, 10, 0, 30, Lesion.GROUND_GLASS_HU))),
                Arguments.of("low-dose noise (90 HU) around bilateral ground-glass and consolidation", phantom(19).noise(90)
                        .lesion(Lesion.sphere(-100, -30, 20, 30, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(95, 40, -30, 25, Lesion.CONSOLIDATION_HU))),
                Arguments.of("scan covering only the middle 200 mm of the lungs", new SyntheticChestCt(40, 128, 3.0, 5.0).seed(20)
                        .lesion(Lesion.sphere(-110, 0, 50, 30, Lesion.GROUND_GLASS_HU))
                        .lesion(Lesion.sphere(100, 20, -60, 30, Lesion.GROUND_GLASS_HU))),
                Arguments.of("critical with consolidation", phantom(17)
                        .lesion(Lesion.sphere(-80, 40, -40, 25, Lesion.CONSOLIDATION_HU))
                        .lesion(new Lesion(-75, 0, -10, 60, 90, 115, Lesion.GROUND_GLASS_HU))
                        .lesion(new Lesion(75, 0, -10, 60, 90, 115, Lesion.GROUND_GLASS_HU))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phantoms")
    void involvementPerLungWithinToleranceAndClassFollows(String name, SyntheticChestCt ct) throws Exception {
        SyntheticChestCt.Phantom p = ct.build();
        PrescreenResult r = run(p);
        assertTrue(r.completed(), r.reason());
        assertEquals(p.involvementRight(), r.involvement().right(), TOLERANCE, "right lung");
        assertEquals(p.involvementLeft(), r.involvement().left(), TOLERANCE, "left lung");
        assertEquals(p.involvementTotal(), r.involvement().total(), TOLERANCE, "total");
        // the graph's class output must be the documented rule applied to its own involvement
        assertEquals(CtClassRule.fromInvolvement(r.involvement().total()), r.ctClass());
        // and, away from a boundary, the class of the true involvement
        CtClass truth = CtClassRule.fromInvolvement(p.involvementTotal());
        if (Stream.of(0.02, 0.25, 0.5, 0.75).allMatch(b -> Math.abs(p.involvementTotal() - b) > TOLERANCE)) {
            assertEquals(truth, r.ctClass(), "class of true involvement " + p.involvementTotal());
        }
    }

    @Test
    void healthyLungsAreCt0WithLowProbabilityAndEmptyMap() throws Exception {
        PrescreenResult r = run(phantom(21).scannerSurroundings().build());
        assertEquals(CtClass.CT0, r.ctClass());
        assertTrue(r.probability() < 0.1, "probability " + r.probability());
        float max = 0;
        for (float v : r.localisation().values()) {
            max = Math.max(max, v);
        }
        assertTrue(r.involvement().total() < 0.01);
        assertTrue(max <= 1f);
    }

    @Test
    void bilateralPeripheralPatternScoresAboveUnilateralCentralOfSameExtent() throws Exception {
        PrescreenResult bilateral = run(phantom(22)
                .lesion(Lesion.sphere(-115, 10, 0, 30, Lesion.GROUND_GLASS_HU))
                .lesion(Lesion.sphere(115, 10, 0, 30, Lesion.GROUND_GLASS_HU)).build());
        PrescreenResult unilateral = run(phantom(22)
                .lesion(Lesion.sphere(-75, 0, 0, 34, Lesion.CONSOLIDATION_HU)).build());
        assertTrue(Math.abs(bilateral.involvement().total() - unilateral.involvement().total()) < 0.01,
                bilateral.involvement() + " vs " + unilateral.involvement());
        assertTrue(bilateral.probability() > unilateral.probability() + 0.2,
                bilateral.probability() + " vs " + unilateral.probability());
    }

    @Test
    void localisationMarksTheLesionSideAndNotTheOther() throws Exception {
        PrescreenResult r = run(phantom(23).lesion(Lesion.sphere(-80, 0, 0, 30, Lesion.CONSOLIDATION_HU)).build());
        var map = r.localisation();
        double right = 0;
        double left = 0;
        for (int z = 0; z < map.depth(); z++) {
            for (int y = 0; y < map.height(); y++) {
                for (int x = 0; x < map.width(); x++) {
                    if (x < map.width() / 2) {
                        right += map.at(z, y, x);
                    } else {
                        left += map.at(z, y, x);
                    }
                }
            }
        }
        assertTrue(right > 100 && left < right / 20, "right " + right + " left " + left);
        assertTrue(r.involvement().left() < 0.005 && r.involvement().right() > 0.03, r.involvement().toString());
    }
}

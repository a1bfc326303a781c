package io.noveltylens.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.stats.Bootstrap;
import io.noveltylens.test.support.RankStatistics;

/** A {@link Comparison} of synthetic groups against counts and statistics recomputed from the passages. */
class ComparisonTest {

    private static final List<GroupScores> GROUPS = List.of(SyntheticGroups.group("human", 70, 20, 7, 1),
            SyntheticGroups.group("model", 55, 35, 9, 2), SyntheticGroups.group("mixed", 30, 25, 5, 3));

    @Test
    void inHullSharesCountEachVerdictOfEachPassage() {
        Comparison comparison = Comparison.of(GROUPS, new Bootstrap(100, 1, 0.95), Progress.NONE);

        for (int g = 0; g < GROUPS.size(); g++) {
            List<HullShare> shares = comparison.groups().get(g).inHull();
            assertEquals(SyntheticGroups.DIMENSIONS.length, shares.size());
            for (HullShare share : shares) {
                int d = share.dimension();
                assertEquals(count(GROUPS.get(g), d, HullVerdict.INSIDE), share.inside(), "d = " + d);
                assertEquals(count(GROUPS.get(g), d, HullVerdict.OUTSIDE), share.outside(), "d = " + d);
                assertEquals(count(GROUPS.get(g), d, HullVerdict.UNDETERMINED), share.undetermined(), "d = " + d);
                assertEquals(GROUPS.get(g).passages().size(), share.passages());
            }
        }
    }

    @Test
    void everyPairComparesTheLaterGroupWithTheEarlierOnEveryReadout() {
        Comparison comparison = Comparison.of(GROUPS, new Bootstrap(200, 1, 0.95), Progress.NONE);

        assertEquals(3 * Readout.values().length, comparison.pairs().size(), "three pairs of three groups");
        for (PairComparison pair : comparison.pairs()) {
            double[] first = group(pair.first()).values(pair.readout());
            double[] second = group(pair.second()).values(pair.readout());
            assertEquals(RankStatistics.bruteForceAuroc(first, second), pair.difference().auroc(), 1e-12);
            assertEquals(RankStatistics.quantileType7(second, 0.5) - RankStatistics.quantileType7(first, 0.5),
                    pair.difference().medianDifference(), 1e-9);
            assertTrue(pair.difference().medianDifferenceInterval().contains(pair.difference().medianDifference()),
                    pair.toString());
        }
        PairComparison modelVsHuman = comparison.pairs().get(0);
        assertEquals("human", modelVsHuman.first());
        assertEquals("model", modelVsHuman.second());
        assertTrue(modelVsHuman.difference().auroc() > 0.6, "the model group was drawn 15 points higher");
    }

    @Test
    void refusesOneGroupAndGroupsThatWouldShareAFile() {
        Group one = new Group("model outputs", List.of(Path.of("a")));

        assertEquals(NoveltyException.Kind.BAD_INPUT,
                assertThrows(NoveltyException.class, () -> GroupScorer.requireComparable(List.of(one))).kind());
        NoveltyException clash = assertThrows(NoveltyException.class, () -> GroupScorer
                .requireComparable(List.of(one, new Group("Model-outputs", List.of(Path.of("b"))),
                        new Group("model/outputs", List.of(Path.of("c"))))));
        assertTrue(clash.getMessage().contains("model_outputs.jsonl"), clash.getMessage());
    }

    private static GroupScores group(String name) {
        return GROUPS.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static int count(GroupScores group, int dimension, HullVerdict verdict) {
        int count = 0;
        for (PassageScore passage : group.passages()) {
            for (CurvePoint point : passage.curve()) {
                count += point.dimension() == dimension && point.verdict() == verdict ? 1 : 0;
            }
        }
        return count;
    }
}

package io.noveltylens.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DensityExplanationTest {

    @Test
    void percentileSaysHowManyPassagesAreLessIsolatedNeverRoundingUp() {
        assertEquals("More isolated than 97 % of the corpus's own passages",
                DensityExplanation.percentile(97.9, DensityReadout.CORPUS_PASSAGES));
        assertEquals("More isolated than 50 % of the corpus's own passages",
                DensityExplanation.percentile(50, DensityReadout.CORPUS_PASSAGES));
        assertEquals("In a denser region than 80 % of the corpus's own passages",
                DensityExplanation.percentile(19.5, DensityReadout.CORPUS_PASSAGES));
    }

    @Test
    void lofIsComparedWithTheNeighboursNeighbourhoods() {
        assertEquals("LOF 1.8: sparser than its neighbours' neighbourhoods", DensityExplanation.lof(1.8));
        assertEquals("LOF 1.0: about as dense as its neighbours' neighbourhoods", DensityExplanation.lof(1.04));
        assertEquals("LOF 0.7: denser than its neighbours' neighbourhoods", DensityExplanation.lof(0.7));
    }

    @Test
    void loopIsReadAsALikelihood() {
        assertEquals("LoOP 0.62: likely a local outlier", DensityExplanation.loop(0.62));
        assertEquals("LoOP 0.00: unlikely to be a local outlier", DensityExplanation.loop(0));
        assertEquals("LoOP 0.97: very likely a local outlier", DensityExplanation.loop(0.97));
    }

    @Test
    void readoutExplainsItsOwnNumbers() {
        DensityReadout readout = new DensityReadout(10, 0.8, 99.2, 2.5, 0.3, DensityReadout.CORPUS_PASSAGES);
        assertEquals(DensityExplanation.percentile(99.2, DensityReadout.CORPUS_PASSAGES),
                readout.percentileExplanation());
        assertEquals("LOF 2.5: sparser than its neighbours' neighbourhoods", readout.lofExplanation());
        assertEquals("LoOP 0.30: possibly a local outlier", readout.loopExplanation());
    }
}

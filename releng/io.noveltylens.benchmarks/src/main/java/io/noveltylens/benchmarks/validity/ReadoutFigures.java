package io.noveltylens.benchmarks.validity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of the validity table for one readout, over the scored units that have it (higher = more novel):
 * rank correlation with the grade, the two separations, the length effect and, for percentiles, the calibration.
 */
final class ReadoutFigures {

    final Readout readout;
    /** Units with a value for this readout. */
    final int units;
    final Map<Scope, Double> gradeCorrelation = new EnumMap<>(Scope.class);
    /** AUROC of other-genre over unseen: does another genre read as more novel than unseen text of the corpus's own? */
    final Map<Scope, Double> genreSeparation = new EnumMap<>(Scope.class);
    /** AUROC of unseen over paraphrase: is a paraphrase of a corpus passage less novel than unseen text? */
    final Map<Scope, Double> paraphraseSeparation = new EnumMap<>(Scope.class);
    /**
     * At paragraph granularity, how far three joined unseen paragraphs move the median from one unseen paragraph,
     * as a share of the gap between unseen and other-genre: 0 = no length effect, 1 = as large as a change of genre.
     */
    final double lengthBias;
    /** AUROC of unseen-joined over unseen paragraphs: 0.5 = length makes no difference. */
    final double lengthSeparation;
    /** Median of unseen units, by granularity (sentence, paragraph, joined): 50 for a calibrated percentile. */
    final Map<Granularity, Double> unseenMedian = new EnumMap<>(Granularity.class);
    /** Largest deviation of the unseen units' empirical CDF from uniform, in percentile points. */
    final Map<Granularity, Double> unseenDeviation = new EnumMap<>(Granularity.class);
    /** Median per set, at paragraph granularity (the joined sets at theirs). */
    final Map<ValiditySet, Double> setMedian = new EnumMap<>(ValiditySet.class);

    private final List<Scored> scored;

    ReadoutFigures(Readout readout, List<Scored> scored) {
        this.readout = readout;
        this.scored = scored;
        this.units = (int) scored.stream().filter(s -> readout.value().apply(s.report()) != null).count();
        for (Scope scope : Scope.values()) {
            gradeCorrelation.put(scope, gradeCorrelation(scope.granularities()));
            genreSeparation.put(scope, ValidityMetrics.auroc(values(ValiditySet.UNSEEN, scope.granularities()),
                    values(ValiditySet.OTHER_GENRE, scope.granularities())));
            paraphraseSeparation.put(scope, ValidityMetrics.auroc(values(ValiditySet.PARAPHRASE, scope.granularities()),
                    values(ValiditySet.UNSEEN, scope.granularities())));
        }
        List<Granularity> paragraph = List.of(Granularity.PARAGRAPH);
        List<Granularity> joined = List.of(Granularity.JOINED);
        double unseen = ValidityMetrics.median(values(ValiditySet.UNSEEN, paragraph));
        double unseenJoined = ValidityMetrics.median(values(ValiditySet.UNSEEN_JOINED, joined));
        double otherGenre = ValidityMetrics.median(values(ValiditySet.OTHER_GENRE, paragraph));
        this.lengthBias = (unseenJoined - unseen) / (otherGenre - unseen);
        this.lengthSeparation = ValidityMetrics.auroc(values(ValiditySet.UNSEEN, paragraph),
                values(ValiditySet.UNSEEN_JOINED, joined));
        for (Granularity granularity : Granularity.values()) {
            ValiditySet set = granularity == Granularity.JOINED ? ValiditySet.UNSEEN_JOINED : ValiditySet.UNSEEN;
            double[] values = values(set, List.of(granularity));
            unseenMedian.put(granularity, ValidityMetrics.median(values));
            unseenDeviation.put(granularity, ValidityMetrics.uniformDeviation(values));
        }
        for (ValiditySet set : ValiditySet.values()) {
            setMedian.put(set, ValidityMetrics.median(values(set, set.graded() ? paragraph : joined)));
        }
    }

    boolean present() {
        return units > 0;
    }

    private double gradeCorrelation(List<Granularity> granularities) {
        List<Scored> graded = scored.stream().filter(s -> s.unit().set().graded())
                .filter(s -> granularities.contains(s.unit().granularity()))
                .filter(s -> readout.value().apply(s.report()) != null).toList();
        double[] values = graded.stream().mapToDouble(s -> readout.value().apply(s.report())).toArray();
        double[] grades = graded.stream().mapToDouble(s -> s.unit().set().grade()).toArray();
        return ValidityMetrics.spearman(values, grades);
    }

    private double[] values(ValiditySet set, List<Granularity> granularities) {
        return scored.stream().filter(s -> s.unit().set() == set && granularities.contains(s.unit().granularity()))
                .map(s -> readout.value().apply(s.report())).filter(value -> value != null)
                .mapToDouble(Double::doubleValue).toArray();
    }
}

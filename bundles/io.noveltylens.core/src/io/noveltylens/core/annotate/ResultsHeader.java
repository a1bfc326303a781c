package io.noveltylens.core.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.index.IndexMetadata;

/**
 * The first line of a results file: what its readouts depend on besides the passage (the model, the corpus build, the
 * readouts asked for and what is left out). A rerun resumes a file only when all of it is the same, so results of two
 * corpora or two models never end up in one file.
 *
 * @param format         {@link #FORMAT} of the code that wrote the file
 * @param model          the model's id
 * @param modelSha256    SHA-256 of the model's ONNX file
 * @param corpusBuiltAt  when the corpus index (or collection) was built
 * @param corpusPassages distinct passages in the corpus
 * @param hull           whether the records carry the hull readouts
 * @param exclude        the exclusions, as {@link Exclusions#toString()} writes them
 * @param hullBudgetMillis the time the hull readouts of one passage were allowed, 0 without hull readouts. The
 *                       readouts a budget leaves undetermined, and the depth and in-hull shares with them, depend on
 *                       it (docs/research.md, Reproducibility), so records of two budgets are not mixed. A file written
 *                       before the budget was recorded reads as 0: with hull readouts, of an unknown budget
 */
public record ResultsHeader(int format, String model, String modelSha256, String corpusBuiltAt, int corpusPassages,
        boolean hull, String exclude, long hullBudgetMillis) {

    /** Bump when the records change meaning, so that an older file is started over instead of resumed. */
    public static final int FORMAT = 1;
    /** The name of the header object in the first line; a record never has a field of that name. */
    public static final String KEY = "noveltyLensResults";

    public static ResultsHeader of(NoveltyEngine engine, boolean hull, Exclusions exclusions) {
        IndexMetadata corpus = engine.indexInfo();
        return new ResultsHeader(FORMAT, corpus.modelId(), corpus.modelSha256(), corpus.builtAt(), corpus.passages(),
                hull, exclusions.toString(), hull ? engine.hullBudget().toMillis() : 0);
    }

    /** What differs from {@code other}, as "model: this (file: that)" parts, for a message; empty when equal. */
    String differencesFrom(ResultsHeader file) {
        List<String> parts = new ArrayList<>();
        difference(parts, "format", format, file.format);
        difference(parts, "model", model, file.model);
        difference(parts, "model file", modelSha256, file.modelSha256);
        difference(parts, "corpus built", corpusBuiltAt, file.corpusBuiltAt);
        difference(parts, "corpus passages", corpusPassages, file.corpusPassages);
        difference(parts, "hull readouts", hull, file.hull);
        difference(parts, "left out", exclude, file.exclude);
        if (hull && file.hull) {
            difference(parts, "hull budget per passage", budget(hullBudgetMillis), budget(file.hullBudgetMillis));
        }
        return String.join("; ", parts);
    }

    private static String budget(long millis) {
        return millis == 0 ? "not recorded" : millis + " ms";
    }

    private static void difference(List<String> parts, String name, Object here, Object inFile) {
        if (!Objects.equals(here, inFile)) {
            parts.add(name + ": " + here + " now, " + inFile + " in the file");
        }
    }
}

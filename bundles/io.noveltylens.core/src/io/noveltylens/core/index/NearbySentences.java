package io.noveltylens.core.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.calibration.ReferenceUnits;
import io.noveltylens.core.calibration.Words;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.math.FloatMatrix;

/**
 * The sentences of a query's nearest corpus passages, embedded, as extra points of the hull a single sentence is
 * measured against (docs/design.md, Convex hull). A corpus passage's embedding averages its sentences, so a
 * paraphrase of one corpus sentence lies as far from the passages' hull as a sentence the corpus never had; with the
 * sentences of the nearest passages among the points, the paraphrased sentence itself is a point of the hull.
 * Embedded on demand and kept for the most recently used passages of one index: the passages near a writer's
 * sentences recur, and the calibration measures its reference sentences with the same points.
 */
public final class NearbySentences {

    /**
     * Nearest passages whose sentences join the points: on the validity benchmark's held-out sentences 5 separated
     * paraphrases from unseen sentences as well as 10 did, at half the embedding (docs/readouts.md).
     */
    public static final int PASSAGES = 5;
    /** About 5 KB a passage: a bound of about 2.5 MB however long the engine runs. */
    private static final int CACHED_PASSAGES = 512;

    private final Embedder embedder;
    private final Map<Integer, float[][]> byOrdinal = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, float[][]> eldest) {
            return size() > CACHED_PASSAGES;
        }
    };

    /** @param embedder the model of the index the ordinals belong to */
    public NearbySentences(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * The unit vectors of the sentences of the passages given (ordinals and texts, in the same order), one row per
     * sentence; none for a passage of one sentence, which is a point of the hull already (so possibly no rows).
     */
    public FloatMatrix of(int[] ordinals, List<String> texts, Progress progress) throws NoveltyException {
        float[][][] byPassage = new float[ordinals.length][][];
        List<Integer> missing = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < ordinals.length; i++) {
            byPassage[i] = cached(ordinals[i]);
            if (byPassage[i] == null) {
                List<String> own = sentencesOf(texts.get(i));
                byPassage[i] = new float[own.size()][];
                missing.add(i);
                sentences.addAll(own);
            }
        }
        List<Embedding> embedded = sentences.isEmpty() ? List.of() : embedder.embedPassages(sentences, progress);
        int next = 0;
        for (int i : missing) {
            for (int s = 0; s < byPassage[i].length; s++) {
                byPassage[i][s] = embedded.get(next++).unit();
            }
            cache(ordinals[i], byPassage[i]);
        }
        List<float[]> rows = new ArrayList<>();
        for (float[][] vectors : byPassage) {
            rows.addAll(List.of(vectors));
        }
        return FloatMatrix.of(rows.toArray(float[][]::new));
    }

    /**
     * The sentences of a passage of two or more sentences, those of at least
     * {@link ReferenceUnits#MIN_SENTENCE_WORDS} words: shorter ones ("Yes, sir.") say too little to place.
     */
    static List<String> sentencesOf(String passage) {
        List<TextSpan> spans = SentenceSplitter.sentences(passage);
        if (spans.size() < 2) {
            return List.of();
        }
        return spans.stream().map(span -> span.of(passage))
                .filter(sentence -> Words.count(sentence) >= ReferenceUnits.MIN_SENTENCE_WORDS).toList();
    }

    private float[][] cached(int ordinal) {
        synchronized (byOrdinal) {
            return byOrdinal.get(ordinal);
        }
    }

    private void cache(int ordinal, float[][] vectors) {
        synchronized (byOrdinal) {
            byOrdinal.put(ordinal, vectors);
        }
    }
}

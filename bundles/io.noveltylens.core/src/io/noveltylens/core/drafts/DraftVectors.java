package io.noveltylens.core.drafts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.index.EmbeddingCache;
import io.noveltylens.core.index.Neighbour;

/**
 * The drafts' distinct passages with their unit vectors, frozen: an update builds a new one and swaps it in, so a
 * search never sees a half-applied update. Neighbours come from an exact scan: a book's drafts are a few thousand
 * passages, 384 multiplications each, well under a millisecond, with no index to build or keep in step and recall 1
 * (docs/design.md, The writer's drafts).
 */
final class DraftVectors {

    static final DraftVectors EMPTY = new DraftVectors(List.of(), List.of(), List.of(), List.of());

    private final List<String> hashes;
    private final List<String> texts;
    private final List<float[]> units;
    private final List<List<Provenance>> places;

    private DraftVectors(List<String> hashes, List<String> texts, List<float[]> units,
            List<List<Provenance>> places) {
        this.hashes = hashes;
        this.texts = texts;
        this.units = units;
        this.places = places;
    }

    /**
     * The passages of {@code files} that {@code cache} holds a vector for, identical texts once with every place they
     * occur; a passage still without a vector (an update was cancelled before embedding it) is left out until one
     * embeds it.
     */
    static DraftVectors of(Collection<DraftFile> files, EmbeddingCache cache) {
        Map<String, List<Provenance>> byHash = new LinkedHashMap<>();
        Map<String, String> textByHash = new LinkedHashMap<>();
        for (DraftFile file : files) {
            for (DraftPassage passage : file.passages()) {
                byHash.computeIfAbsent(passage.contentHash(), h -> new ArrayList<>())
                        .add(new Provenance(file.path(), passage.start(), passage.end(), passage.line()));
                textByHash.putIfAbsent(passage.contentHash(), passage.text());
            }
        }
        List<String> hashes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<float[]> units = new ArrayList<>();
        List<List<Provenance>> places = new ArrayList<>();
        for (Map.Entry<String, List<Provenance>> entry : byHash.entrySet()) {
            float[] raw = cache.get(entry.getKey());
            if (raw != null) {
                hashes.add(entry.getKey());
                texts.add(textByHash.get(entry.getKey()));
                units.add(Embedding.ofRaw(raw, 1).unit());
                places.add(List.copyOf(entry.getValue()));
            }
        }
        return new DraftVectors(hashes, texts, units, places);
    }

    int size() {
        return units.size();
    }

    /**
     * The {@code k} passages with the highest cosine to the unit vector {@code query}, best first (ties in store
     * order), leaving out the analysed passage: a passage with its text, and the places that overlap it.
     */
    List<Neighbour> nearest(float[] query, int k, AnalysedPassage analysed) {
        String analysedHash = analysed.text() == null ? null
                : TextNormalization.sha256(TextNormalization.collapseWhitespace(analysed.text()));
        List<Integer> candidates = new ArrayList<>();
        List<List<Provenance>> candidatePlaces = new ArrayList<>();
        double[] scores = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            if (hashes.get(i).equals(analysedHash)) {
                continue;
            }
            List<Provenance> elsewhere = places.get(i).stream().filter(p -> !analysed.overlaps(p)).toList();
            if (!elsewhere.isEmpty()) {
                scores[candidates.size()] = dot(units.get(i), query);
                candidates.add(i);
                candidatePlaces.add(elsewhere);
            }
        }
        Integer[] order = new Integer[candidates.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<Neighbour> nearest = new ArrayList<>();
        for (int rank = 0; rank < Math.min(k, order.length); rank++) {
            int at = order[rank];
            int ordinal = candidates.get(at);
            nearest.add(new Neighbour(rank + 1, ordinal, hashes.get(ordinal), scores[at], texts.get(ordinal),
                    candidatePlaces.get(at)));
        }
        return nearest;
    }

    /** Summed in double: the cosine shown must not depend on the order of 384 float products. */
    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a query of dimension " + b.length + " against drafts of " + a.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}

package io.noveltylens.benchmarks;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.math.FloatMatrix;

/**
 * A corpus index of a chosen size, for the corpus-size table: either the shipped default index, or one built by the
 * product's {@link IndexBuilder} from {@link ReplayedEmbedder}'s real vectors, timed (that time is the build cost
 * without the model, which users add to N / embedding rate).
 *
 * @param buildSeconds the builder's wall time, NaN for the shipped index
 */
record ScaledCorpus(int size, String source, LuceneCorpusIndex index, double buildSeconds) implements AutoCloseable {

    /** Copies are moved by half the median nearest-neighbour distance: new points, still among real ones. */
    private static final double NOISE_SHARE_OF_NEIGHBOUR_DISTANCE = 0.5;

    static ScaledCorpus shipped(Path indexDir) throws NoveltyException {
        int dimension = LuceneCorpusIndex.readMetadata(indexDir).dimension();
        LuceneCorpusIndex index = LuceneCorpusIndex.open(indexDir, null, dimension);
        return new ScaledCorpus(index.metadata().passages(), "default corpus (shipped index)", index, Double.NaN);
    }

    static ScaledCorpus build(int size, CorpusIndex real, ModelDescriptor model, ModelFingerprint fingerprint,
            Path work) throws Exception {
        // the unit embeddings, replayed as the model's output: the index normalises them again, to themselves
        FloatMatrix raw = HullBench.inMemory(real.hullData().vectors());
        double noise = NOISE_SHARE_OF_NEIGHBOUR_DISTANCE * medianNeighbourDistance(real);
        Path dir = work.resolve("scaled-" + size);
        Dirs.delete(dir);
        Path corpus = dir.resolve("corpus/passages.txt");
        Files.createDirectories(corpus.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
            for (int n = 0; n < size; n++) {
                out.write(ReplayedEmbedder.text(n));
                out.newLine();
            }
        }
        ReplayedEmbedder embedder = new ReplayedEmbedder(model, fingerprint, raw, size, noise);
        long start = System.nanoTime();
        new IndexBuilder(embedder, IndexSettings.defaults()).build(List.of(corpus), dir.resolve("index"),
                Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        String source = size <= raw.rows() ? "real embeddings, even sample of the default corpus"
                : String.format("default corpus's real embeddings + copies with noise of norm %.3f", noise);
        return new ScaledCorpus(size, source, LuceneCorpusIndex.open(dir.resolve("index"), null, raw.cols()), seconds);
    }

    /** Over 200 passages spread through the corpus: the typical distance between a passage and its nearest other. */
    private static double medianNeighbourDistance(CorpusIndex real) throws NoveltyException {
        int n = real.metadata().passages();
        double[] distances = new double[200];
        for (int i = 0; i < distances.length; i++) {
            List<Neighbour> nearest = real.nearest(real.vector((int) ((long) i * n / distances.length)), 2);
            distances[i] = nearest.get(1).distance();
        }
        return new Samples(distances).median();
    }

    @Override
    public void close() {
        index.close();
    }
}

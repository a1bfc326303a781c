package io.noveltylens.core.engine;

import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;

/**
 * Builds a corpus with the model of a folder, the IDE's rebuild and {@code novelty index}: loads the model, embeds
 * the passages missing from its cache, and writes them into the local index or into another store. The model is
 * closed when the build ends, however it ends.
 *
 * @param modelDir a folder with novelty-model.json, the ONNX file and tokenizer.json
 * @param cacheDir where native libraries are unpacked
 */
public record CorpusBuild(Path modelDir, Path cacheDir) {

    /** What a build fills with the loaded model: a store that a bundle above core writes, such as SolrCloud. */
    @FunctionalInterface
    public interface Target<T> {
        T fill(Embedder embedder, Progress progress) throws NoveltyException;
    }

    /**
     * Builds or brings up to date the index in {@code indexDir} from {@code sources}; the previous index stays in
     * use until the new one is complete (see {@link IndexBuilder}).
     */
    public IndexMetadata index(List<Path> sources, IndexSettings settings, Path indexDir, Progress progress)
            throws NoveltyException {
        return into((embedder, building) -> new IndexBuilder(embedder, settings).build(sources, indexDir, building),
                progress);
    }

    /**
     * Rebuilds the index in {@code indexDir} from the files it records (see {@link IndexBuilder#rebuild}): how an index
     * of an older format whose corpus no front end knows is brought up to date.
     */
    public IndexMetadata rebuild(Path indexDir, Progress progress) throws NoveltyException {
        return into((embedder, building) -> IndexBuilder.rebuild(embedder, indexDir, building), progress);
    }

    /** Loads the model and has {@code target} fill its store with it. */
    public <T> T into(Target<T> target, Progress progress) throws NoveltyException {
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(modelDir, cacheDir), cacheDir)) {
            return target.fill(embedder, progress);
        }
    }
}

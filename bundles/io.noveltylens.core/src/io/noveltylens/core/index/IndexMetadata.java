package io.noveltylens.core.index;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.embed.ModelFingerprint;

/**
 * What an index generation was built from and how: stored as {@code novelty-index.json} in the generation, shown by
 * {@code novelty info} and the preference page, and checked on open so that an index is never queried with vectors
 * of another model.
 *
 * @param formatVersion        {@link #FORMAT_VERSION} of the code that wrote it
 * @param modelId              the model's id from its descriptor
 * @param modelSha256          SHA-256 of the ONNX file
 * @param tokenizerSha256      SHA-256 of tokenizer.json
 * @param dimension            embedding dimension
 * @param similarity           how neighbours are compared
 * @param k                    neighbours used for the density statistics
 * @param passages             distinct passages indexed
 * @param passagesRead         passages read before de-duplication
 * @param sources              the sources read, with content hashes
 * @param skipped              the sources skipped, with reasons
 * @param builtAt              ISO-8601 instant the build finished
 * @param buildMillis          wall time of the build
 * @param embedded             passages embedded by this build (the rest came from the embedding cache)
 * @param neighbourDistance    median distance from a corpus passage to its nearest neighbour, in the space of the
 *                             hull readouts (unit embeddings): the scale hull distances are shown against
 * @param pcaComponents        principal components stored for the extrapolation depth
 */
public record IndexMetadata(int formatVersion, String modelId, String modelSha256, String tokenizerSha256,
        int dimension, String similarity, int k, int passages, int passagesRead, List<SourceDigest> sources,
        List<SkippedSource> skipped, String builtAt, long buildMillis, int embedded, double neighbourDistance,
        int pcaComponents) {

    /**
     * Bump when the files of a generation change shape or meaning, and say here what an older generation lacks:
     * {@link LuceneCorpusIndex} still opens it, with what it lacks computed from what it stores or left out, and the
     * front ends rebuild it (docs/release.md, Index formats). 1: the first. 2: density statistics from 800-candidate
     * searches (1 searched 100). 3: hull readouts on the unit embeddings (1 and 2 stored the PCA of the raw ones and
     * no neighbour distance between unit embeddings), and the calibration of the readouts by kind and length (1 and 2
     * have none).
     */
    public static final int FORMAT_VERSION = 3;
    /** The oldest format this code opens; there is no older one. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    static final String FILE_NAME = "novelty-index.json";
    public static final String SIMILARITY = "cosine of L2-normalised embeddings (Lucene DOT_PRODUCT)";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public IndexMetadata {
        sources = sources == null ? List.of() : List.copyOf(sources);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** Whether the generation was written by an older format than this code's: it answers, and needs a rebuild. */
    public boolean olderFormat() {
        return formatVersion < FORMAT_VERSION;
    }

    /** True when vectors of this model can be compared with this index's. */
    public boolean builtWith(ModelFingerprint model, int modelDimension) {
        return modelSha256.equals(model.onnxSha256()) && tokenizerSha256.equals(model.tokenizerSha256())
                && dimension == modelDimension;
    }

    /**
     * Refuses to let vectors of {@code model} be compared with this index's, naming the model that built it.
     *
     * @param root the index folder, for the message
     */
    public void requireBuiltWith(ModelFingerprint model, int modelDimension, Path root) throws NoveltyException {
        if (!builtWith(model, modelDimension)) {
            throw new NoveltyException(Kind.INDEX, CoreText.bind(CoreText.IndexMetadata_otherModel, root, modelId,
                    modelSha256.substring(0, 12), model.modelId(), model.onnxSha256().substring(0, 12)));
        }
    }

    void write(Path generation) throws IOException {
        try (Writer out = Files.newBufferedWriter(generation.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            GSON.toJson(this, out);
        }
    }

    static IndexMetadata read(Path generation) throws IOException {
        try (Reader in = Files.newBufferedReader(generation.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            IndexMetadata metadata = GSON.fromJson(in, IndexMetadata.class);
            if (metadata == null || metadata.modelSha256() == null) {
                throw new IOException(FILE_NAME + " is empty or incomplete");
            }
            return metadata;
        } catch (JsonParseException e) {
            throw new IOException(FILE_NAME + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}

package io.noveltylens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCorpusIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code novelty info}: what an index, or a SolrCloud collection, was built from. */
@Command(name = "info", description = { "Describe what an index was built from.", "", """
        Prints what the index was built from: model and tokenizer hashes, dimension, passages, sources with their \
        SHA-256, skipped files, build time, and the index format (older formats answer until rebuilt). Without \
        --index, describes the shipped default corpus; with --solr or --zk and --collection, the corpus in that \
        SolrCloud collection.""" })
final class InfoCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final PrintStream out;

    @Option(names = "--index", paramLabel = "DIR", description = "the index folder (default: the shipped corpus's)")
    private Path given;

    @Mixin
    private SolrOptions cluster;

    InfoCommand(CliPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        SolrAddress collection = cluster.address();
        if (collection != null) {
            // whatever model filled it: info describes, it does not compare
            try (SolrCorpusIndex index = SolrCorpusIndex.open(collection, null, 0)) {
                out.println("Collection:  " + collection + ", as " + collection.security());
                print(index.metadata(), "'novelty index' fills the collection again");
            }
            return ExitCodes.OK;
        }
        Path index = paths.index(given);
        out.println("Index:       " + index.toAbsolutePath().normalize());
        print(LuceneCorpusIndex.readMetadata(index), "'novelty index --index " + index + "' rebuilds it");
        return ExitCodes.OK;
    }

    /** @param upgrade how an index of an older format is brought up to date */
    private void print(IndexMetadata m, String upgrade) {
        out.println("Model:       " + m.modelId() + " (ONNX SHA-256 " + m.modelSha256() + ")");
        out.println("Tokenizer:   SHA-256 " + m.tokenizerSha256());
        out.println("Dimension:   " + m.dimension() + "; similarity: " + m.similarity());
        out.printf("Passages:    %,d distinct (%,d read); density k = %d; %d principal components%n", m.passages(),
                m.passagesRead(), m.k(), m.pcaComponents());
        out.println("Built:       " + m.builtAt() + " in " + m.buildMillis() / 1000.0 + " s");
        out.println("Format:      " + m.formatVersion() + (m.olderFormat() ? " (older than this version's "
                + IndexMetadata.FORMAT_VERSION + ": it answers with percentiles against its passages until "
                + upgrade + ")" : ""));
        out.println("Sources:");
        for (SourceDigest source : m.sources()) {
            out.printf("  %s  %,d passages  sha256:%s%n", source.source(), source.passages(), source.sha256());
        }
        for (SkippedSource skipped : m.skipped()) {
            out.println("  skipped " + skipped.source() + ": " + skipped.reason() + " (" + skipped.detail() + ")");
        }
    }
}

package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.LuceneCorpusIndex;

/** {@code novelty info}: what an index was built from. */
final class InfoCommand implements Command {

    private final CliPaths paths;

    InfoCommand(CliPaths paths) {
        this.paths = paths;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("index"), Set.of()); //$NON-NLS-1$
        if (!arguments.operands().isEmpty()) {
            throw new UsageException("unexpected argument " + arguments.operands().get(0)); //$NON-NLS-1$
        }
        Path index = paths.index(arguments);
        IndexMetadata m = LuceneCorpusIndex.readMetadata(index);
        out.println("Index:       " + index.toAbsolutePath().normalize()); //$NON-NLS-1$
        out.println("Model:       " + m.modelId() + " (ONNX SHA-256 " + m.modelSha256() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        out.println("Tokenizer:   SHA-256 " + m.tokenizerSha256()); //$NON-NLS-1$
        out.println("Dimension:   " + m.dimension() + "; similarity: " + m.similarity()); //$NON-NLS-1$ //$NON-NLS-2$
        out.printf("Passages:    %,d distinct (%,d read); density k = %d; %d principal components%n", m.passages(), //$NON-NLS-1$
                m.passagesRead(), m.k(), m.pcaComponents());
        out.println("Built:       " + m.builtAt() + " in " + m.buildMillis() / 1000.0 + " s (format " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                + m.formatVersion() + ")"); //$NON-NLS-1$
        out.println("Sources:"); //$NON-NLS-1$
        for (SourceDigest source : m.sources()) {
            out.printf("  %s  %,d passages  sha256:%s%n", source.source(), source.passages(), source.sha256()); //$NON-NLS-1$
        }
        for (SkippedSource skipped : m.skipped()) {
            out.println("  skipped " + skipped.source() + ": " + skipped.reason() + " (" + skipped.detail() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        }
        return Main.OK;
    }

    @Override
    public String help() {
        return """
                Usage: novelty info [--index DIR]

                Prints what the index was built from: model and tokenizer hashes, dimension, passages, sources with
                their SHA-256, skipped files, build time. Without --index, describes the shipped default corpus.
                """;
    }
}

package io.noveltylens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.noveltylens.core.Progress;
import io.noveltylens.core.annotate.AnnotationFile;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.engine.NoveltyEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code novelty annotate}: scores every passage of files and folders and writes one JSON Lines record or CSV row per
 * passage occurrence, the same files the IDE's results view exports.
 */
@Command(name = "annotate", description = { "Score every passage of files and folders into a JSON Lines or CSV file.",
        "", """
                Cuts the files and folders given into passages the way 'novelty index' does (.txt .md .tex .html: \
                paragraphs, or lines when a file has no blank line; .jsonl: one passage per record; gzipped too) and \
                scores every passage against the corpus index. Repeated passages are scored at each place they \
                occur. Writes one record per passage with its source, offsets, line and every readout: JSON Lines \
                (the format of 'novelty score --json') or CSV whose columns are the JSON field paths \
                (density.percentile). The file appears under its name only when complete; an earlier file of that \
                name stays until then. Without --index, the shipped default corpus is used.""" })
final class AnnotateCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final PrintStream out;
    private final Progress progress;

    @Spec
    private CommandSpec command;

    @Mixin
    private CorpusPaths corpusPaths;

    @Option(names = "--out", paramLabel = "FILE", description = "the output: FILE.jsonl or FILE.csv")
    private Path target;

    @Option(names = "--hull", description = "add the hull readouts (up to --budget-ms per passage)")
    private boolean hull;

    @Mixin
    private EngineOptions engineOptions;

    AnnotateCommand(CliPaths paths, PrintStream out, Progress progress) {
        this.paths = paths;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> corpus = corpusPaths.all();
        if (corpus.isEmpty() || target == null) {
            throw new ParameterException(command.commandLine(), "give the files or folders to annotate (--corpus PATH, "
                    + "repeatable) and the output file (--out FILE.jsonl or FILE.csv)");
        }
        AnnotationFormat format = AnnotationFormat.of(target).orElseThrow(() -> new ParameterException(
                command.commandLine(), "--out " + target + " must end in .jsonl (JSON Lines, every readout) or .csv "
                        + "(one row per passage)"));
        long start = System.nanoTime();
        try (NoveltyEngine engine = engineOptions.open(paths);
                AnnotationFile file = AnnotationFile.create(target, format)) {
            AnnotationSummary summary = new CorpusAnnotator(engine, hull).annotate(corpus, progress, file);
            EngineOptions.requireModelVerified(engine);
            file.commit();
            out.printf("Annotated %,d passages from %d file(s) into %s in %.1f s.%n", summary.passages(),
                    summary.files(), file.target(), (System.nanoTime() - start) / 1e9);
            for (SkippedSource skipped : summary.skipped()) {
                out.println("  skipped " + skipped.source() + ": " + skipped.reason() + " (" + skipped.detail() + ")");
            }
        }
        return ExitCodes.OK;
    }
}

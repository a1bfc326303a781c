package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.Progress;
import io.noveltylens.core.annotate.AnnotationFile;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.engine.NoveltyEngine;

/**
 * {@code novelty annotate}: scores every passage of files and folders and writes one JSON Lines record or CSV row per
 * passage occurrence, the same files the IDE's results view exports.
 */
final class AnnotateCommand implements Command {

    private final CliPaths paths;

    AnnotateCommand(CliPaths paths) {
        this.paths = paths;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        Arguments arguments = Arguments.parse(args, EngineOptions.valuedWith("corpus", "out"), Set.of("hull")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        List<Path> corpus = arguments.values("corpus").stream().map(Path::of).toList(); //$NON-NLS-1$
        corpus = corpus.isEmpty() ? arguments.operands().stream().map(Path::of).toList() : corpus;
        String target = arguments.value("out"); //$NON-NLS-1$
        if (corpus.isEmpty() || target == null) {
            throw new UsageException("give the files or folders to annotate (--corpus PATH, repeatable) and the output file (--out FILE.jsonl or FILE.csv)"); //$NON-NLS-1$
        }
        AnnotationFormat format = AnnotationFormat.of(Path.of(target)).orElseThrow(() -> new UsageException(
                "--out " + target + " must end in .jsonl (JSON Lines, every readout) or .csv (one row per passage)")); //$NON-NLS-1$ //$NON-NLS-2$
        long start = System.nanoTime();
        try (NoveltyEngine engine = EngineOptions.open(arguments, paths);
                AnnotationFile file = AnnotationFile.create(Path.of(target), format)) {
            AnnotationSummary summary = new CorpusAnnotator(engine, arguments.flag("hull")).annotate(corpus, progress, //$NON-NLS-1$
                    file);
            file.commit();
            out.printf("Annotated %,d passages from %d file(s) into %s in %.1f s.%n", summary.passages(), //$NON-NLS-1$
                    summary.files(), file.target(), (System.nanoTime() - start) / 1e9);
            for (SkippedSource skipped : summary.skipped()) {
                out.println("  skipped " + skipped.source() + ": " + skipped.reason() + " (" + skipped.detail() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            }
        }
        return Main.OK;
    }

    @Override
    public String help() {
        return """
                Usage: novelty annotate --corpus PATH [--corpus PATH...] --out FILE.jsonl|FILE.csv
                                        [--index DIR] [--model DIR] [--k N] [--hull] [--budget-ms N]

                Cuts the files and folders given into passages the way 'novelty index' does (.txt .md .tex .html:
                paragraphs, or lines when a file has no blank line; .jsonl: one passage per record; gzipped too) and
                scores every passage against the corpus index. Repeated passages are scored at each place they occur.
                Writes one record per passage with its source, offsets, line and every readout: JSON Lines (the
                format of 'novelty score --json') or CSV whose columns are the JSON field paths (density.percentile).
                The file appears under its name only when complete; an earlier file of that name stays until then.
                Without --index, the shipped default corpus is used.
                  --k N          neighbours (default 10)
                  --hull         add the hull readouts (up to --budget-ms per passage)
                  --budget-ms N  time allowed to the hull readouts per passage (default %d)
                """.formatted(EngineOptions.HULL_BUDGET.toMillis()) + SolrOptions.HELP;
    }
}

package io.noveltylens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.annotate.AnnotationFile;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.core.annotate.ResultsHeader;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
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
        "",
        """
                Cuts the files and folders given into passages the way 'novelty index' does (.txt .md .tex .html: \
                paragraphs, or lines when a file has no blank line; .jsonl: one passage per record; gzipped too) and \
                scores every passage against the corpus index. Repeated passages are scored at each place they \
                occur. Writes one record per passage with its source, offsets, line and every readout: JSON Lines \
                (the format of 'novelty score --json') or CSV whose columns are the JSON field paths \
                (density.percentile). The file appears under its name only when complete; an earlier file of that \
                name stays until then. With --resume the results are written to FILE.jsonl as they come instead \
                (for FILE.csv: to FILE.csv.results.jsonl beside it, and the CSV is written from it at the end), \
                behind a first line naming the model, the corpus and the settings, flushed after every source \
                file; run the same command again after a cancel, a failure or a crash and it scores only the \
                passages the file lacks. A complete run drops the records of passages no longer in the files \
                (edited, moved or deleted since), so the file equals that of a run without interruption. Markup, front matter, code and citations are left out of \
                each passage unless --exclude says otherwise; a passage left out entirely is listed, not scored. \
                Without --index, the shipped default corpus is used.""" })
final class AnnotateCommand implements Callable<Integer> {

    /** Enough places to find a pattern in what was left out, few enough to keep the summary on one screen. */
    private static final int LEFT_OUT_LISTED = 20;
    /** Appended to a CSV output's name for the JSON Lines records a resumable run keeps. */
    static final String RESULTS_SUFFIX = ".results.jsonl";

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

    @Option(names = "--resume", description = "write FILE.jsonl (for FILE.csv: FILE.csv.results.jsonl) as results "
            + "come and continue it if it exists: passages it holds (same place and text) are not scored again")
    private boolean resume;

    @Mixin
    private ExclusionOption exclusionOption;

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
        Exclusions exclusions = exclusionOption.exclusions(command.commandLine());
        long start = System.nanoTime();
        try (NoveltyEngine engine = engineOptions.open(paths)) {
            CorpusAnnotator annotator = new CorpusAnnotator(engine, hull, exclusions);
            if (resume) {
                Path store = resultsStore(format);
                AnnotationSummary summary;
                int dropped;
                try (ResultsFile file = resumed(store, ResultsHeader.of(engine, hull, exclusions))) {
                    summary = annotator.annotate(corpus, file::resumes, progress, file);
                    EngineOptions.requireModelVerified(engine);
                    dropped = file.complete();
                }
                if (format == AnnotationFormat.CSV) {
                    ResultsFile.export(store, target, format);
                }
                report(summary, target.toAbsolutePath(), start);
                if (dropped > 0) {
                    out.printf("  %,d records of passages that are no longer in the files were dropped from %s.%n",
                            dropped, store);
                }
                if (format == AnnotationFormat.CSV) {
                    out.println("  The results to resume from are in " + store + "; delete it to start over.");
                }
            } else {
                try (AnnotationFile file = AnnotationFile.create(target, format)) {
                    AnnotationSummary summary = annotator.annotate(corpus, progress, file);
                    EngineOptions.requireModelVerified(engine);
                    file.commit();
                    report(summary, file.target(), start);
                }
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Where a resumable run keeps its records: the JSON Lines output itself, and for a CSV output a JSON Lines file
     * beside it, {@code FILE.csv.results.jsonl}, from which the CSV is written once the run is complete. A CSV row
     * cannot carry the header that says which corpus, model and settings made it, and a spreadsheet that opened the
     * file may have rewritten it; the CSV is the same either way (ResultsFile.export gives ReportCsv's rows).
     */
    private Path resultsStore(AnnotationFormat format) {
        Path output = target.toAbsolutePath();
        return format == AnnotationFormat.CSV ? output.resolveSibling(output.getFileName() + RESULTS_SUFFIX) : output;
    }

    private ResultsFile resumed(Path store, ResultsHeader header) throws NoveltyException {
        try {
            return ResultsFile.resume(store, header, record -> {
            });
        } catch (NoveltyException e) {
            if (e.kind() != NoveltyException.Kind.BAD_INPUT) {
                throw e;
            }
            // the file is another run's or not a results file: this command only ever resumes its own
            throw new NoveltyException(e.kind(), e.getMessage() + " To start over here, delete " + store + " first.",
                    e);
        }
    }

    private void report(AnnotationSummary summary, Path written, long start) {
        out.printf("Annotated %,d passages from %d file(s) into %s in %.1f s.%n", summary.passages(),
                summary.files(), written, (System.nanoTime() - start) / 1e9);
        if (summary.resumed() > 0) {
            out.printf("  %,d passages were in the file already and were not scored again.%n", summary.resumed());
        }
        if (!summary.leftOut().isEmpty()) {
            out.printf("  %,d passages were left out entirely by --exclude and not scored:%n",
                    summary.leftOut().size());
            summary.leftOut().stream().limit(LEFT_OUT_LISTED).forEach(place -> out
                    .println("    " + place.source() + ":" + place.line()));
            if (summary.leftOut().size() > LEFT_OUT_LISTED) {
                out.printf("    and %,d more%n", summary.leftOut().size() - LEFT_OUT_LISTED);
            }
        }
        for (SkippedSource skipped : summary.skipped()) {
            out.println("  skipped " + skipped.source() + ": " + skipped.reason() + " (" + skipped.detail() + ")");
        }
    }
}

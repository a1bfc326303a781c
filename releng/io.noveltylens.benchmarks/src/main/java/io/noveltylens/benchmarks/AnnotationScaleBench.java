package io.noveltylens.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationSink;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.core.annotate.ResultsHeader;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;

/**
 * Issue 17, point 5: annotating a large folder with the results streamed to a results file, as the IDE's job and
 * {@code novelty annotate --resume} do. The peer, measured in the same process just before, is the bare loop of
 * {@code engine.analyze} over the same passages, writing nothing: the ratio is what reading, masking, writing and
 * flushing add. Heap after a full GC and the resident set are sampled at checkpoints (the GC time is left out of the
 * rate), to show that memory does not grow with the passages annotated. Then the same run resumed, when every passage
 * is in the file already: the cost of reading it back.
 */
final class AnnotationScaleBench {

    /** Passages per input file: the results file is flushed after each. */
    private static final int PER_FILE = 250;
    /** Passages of the peer's bare loop: enough for a steady rate. */
    private static final int PEER = 2_000;
    private static final int CHECKPOINT = 5_000;

    private AnnotationScaleBench() {
    }

    static void run(BenchmarkPaths paths, int passages, ResultTable table) throws Exception {
        List<String> sentences = RealText.corpusSentences(paths.corpus(), passages);
        Path input = paths.work().resolve("annotate-input");
        Dirs.delete(input);
        Files.createDirectories(input);
        for (int from = 0, file = 0; from < sentences.size(); from += PER_FILE, file++) {
            Files.writeString(input.resolve(String.format("part-%04d.txt", file)),
                    String.join("\n\n", sentences.subList(from, Math.min(sentences.size(), from + PER_FILE))) + "\n");
        }
        Path results = paths.work().resolve("annotate-results.jsonl");
        EngineConfig config = new EngineConfig(paths.fp32Model(), paths.index(), paths.cache(),
                EngineConfig.DEFAULT_K, EngineConfig.DEFAULT_HULL_BUDGET);
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            ResultsHeader header = ResultsHeader.of(engine, false, Exclusions.DEFAULT);
            CorpusAnnotator annotator = new CorpusAnnotator(engine, false, Exclusions.DEFAULT);
            List<Path> files;
            try (var listing = Files.list(input)) {
                files = listing.sorted().toList();
            }
            Checkpoints checkpoints;
            int annotated = 0;
            long peerNanos = 0;
            long oursNanos = 0;
            int compared = 0;
            try (ResultsFile file = ResultsFile.create(results, header)) {
                checkpoints = new Checkpoints(file);
                for (int f = 0; f < files.size(); f++) {
                    // the first files alternate with the peer, so that both meet the same load on a shared machine
                    if (f < PEER / PER_FILE) {
                        long peerStart = System.nanoTime();
                        for (String sentence : sentences.subList(f * PER_FILE, (f + 1) * PER_FILE)) {
                            engine.analyze(TextNormalization.collapseWhitespace(sentence), Progress.NONE);
                        }
                        peerNanos += System.nanoTime() - peerStart;
                    }
                    long oursStart = System.nanoTime();
                    int passagesOfFile = annotator.annotate(List.of(files.get(f)), Progress.NONE, checkpoints)
                            .passages();
                    annotated += passagesOfFile;
                    if (f < PEER / PER_FILE) {
                        oursNanos += System.nanoTime() - oursStart;
                        compared += passagesOfFile;
                    }
                }
            }
            double peerRate = compared / (peerNanos / 1e9);
            double oursRate = compared / (oursNanos / 1e9);
            AnnotationSummary summary = new AnnotationSummary(files.size(), annotated, List.of());
            double seconds = checkpoints.seconds() - peerNanos / 1e9;
            double rate = summary.passages() / seconds;
            table.add("Annotate", String.format("%,d passages, file by file alternating with the peer, passages/s",
                    compared), String.format("%.1f", oursRate),
                    String.format("bare engine.analyze loop over the same passages, writing nothing: %.1f", peerRate),
                    String.format("%.2fx", oursRate / peerRate), "close to 1x", Status.of(oursRate / peerRate >= 0.9));
            table.add("Annotate", String.format("%,d passages (corpus sentences, %d a file) into a results file, "
                    + "passages/s, the peer's time and memory sampling left out", summary.passages(), PER_FILE),
                    String.format("%.1f", rate), "", "", "", Status.INFO);
            for (String sample : checkpoints.samples) {
                table.add("Annotate", "memory while annotating", sample, "", "", "flat", Status.INFO);
            }
            table.add("Annotate", "results file", String.format("%.0f MB, %.1f KB a passage",
                    Files.size(results) / 1e6, Files.size(results) / 1e3 / summary.passages()), "", "", "",
                    Status.INFO);
            table.add("Annotate", String.format("extrapolated to 100,000 passages at %.0f passages/s", rate),
                    String.format("%.0f min", 100_000 / rate / 60), "", "", "", Status.INFO);

            long resumeStart = System.nanoTime();
            AnnotationSummary resumed;
            try (ResultsFile file = ResultsFile.resume(results, header, row -> {
            })) {
                resumed = annotator.annotate(List.of(input), file::resumes, Progress.NONE, file);
                file.complete();
            }
            double resumeSeconds = (System.nanoTime() - resumeStart) / 1e9;
            table.add("Annotate", String.format("the same run resumed: %,d passages found in the file, %d scored",
                    resumed.resumed(), resumed.passages()), String.format("%.1f s", resumeSeconds),
                    String.format("scoring them: %.0f s", seconds), String.format("%.3fx", resumeSeconds / seconds),
                    "nothing scored again", Status.of(resumed.passages() == 0));
            compaction(annotator, header, input, files, results, table);
        } finally {
            Dirs.delete(input);
            Files.deleteIfExists(results);
        }
    }

    /**
     * Every tenth source file deleted, the run resumed again: nothing is scored, and completing it rewrites the results
     * file without those files' records. The peer is a plain copy of the same file, just before.
     */
    private static void compaction(CorpusAnnotator annotator, ResultsHeader header, Path input, List<Path> files,
            Path results, ResultTable table) throws Exception {
        for (int f = 0; f < files.size(); f += 10) {
            Files.delete(files.get(f));
        }
        Path copy = results.resolveSibling("annotate-results-copy.jsonl");
        long copyStart = System.nanoTime();
        Files.copy(results, copy);
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        Files.delete(copy);
        long sizeBefore = Files.size(results);
        int dropped;
        double completeSeconds;
        try (ResultsFile file = ResultsFile.resume(results, header, row -> {
        })) {
            annotator.annotate(List.of(input), file::resumes, Progress.NONE, file);
            long completeStart = System.nanoTime();
            dropped = file.complete();
            completeSeconds = (System.nanoTime() - completeStart) / 1e9;
        }
        table.add("Annotate", String.format("every tenth file deleted, resumed: the %.0f MB results file rewritten "
                + "without their %,d records", sizeBefore / 1e6, dropped), String.format("%.2f s", completeSeconds),
                String.format("Files.copy of it: %.2f s", copySeconds),
                String.format("%.1fx", completeSeconds / copySeconds), "a few copies' time", Status.INFO);
    }

    /** Passes records on to the file and samples memory at every {@link #CHECKPOINT} passages, at a file's end. */
    private static final class Checkpoints implements AnnotationSink {
        private final ResultsFile file;
        private final long start = System.nanoTime();
        private final List<String> samples = new ArrayList<>();
        private long sampling;
        private int passages;

        Checkpoints(ResultsFile file) {
            this.file = file;
        }

        @Override
        public void accept(AnnotatedPassage passage) throws NoveltyException {
            file.accept(passage);
            passages++;
        }

        @Override
        public void fileDone() throws NoveltyException {
            file.fileDone();
            if (passages % CHECKPOINT == 0) {
                long before = System.nanoTime();
                try {
                    long heap = Machine.heapAfterGc();
                    samples.add(String.format("at %,d passages: heap after GC %.0f MiB, RSS %.0f MiB", passages,
                            heap / 1048576.0, Machine.residentBytes() / 1048576.0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sampling += System.nanoTime() - before;
            }
        }

        /** Seconds of annotating, the sampling left out. */
        double seconds() {
            return (System.nanoTime() - start - sampling) / 1e9;
        }
    }
}

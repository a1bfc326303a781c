package io.noveltylens.core.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.Passage;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.core.index.IndexSettings;

/**
 * Scores every passage of files and folders against the engine's corpus: the batch behind the IDE's "Annotate with
 * Novelty Lens" and {@code novelty annotate}. Passages are cut the way an index build cuts a corpus, so an annotated
 * file and the same file indexed agree on what a passage is; unlike an index build nothing is de-duplicated. Works one
 * file at a time and hands each result to an {@link AnnotationSink} at once, so memory does not grow with the corpus.
 */
public final class CorpusAnnotator {

    private final NoveltyEngine engine;
    private final boolean withHull;
    private final Exclusions exclusions;
    private final CorpusReader reader;

    /** An annotator that leaves nothing out. */
    public CorpusAnnotator(NoveltyEngine engine, boolean withHull) {
        this(engine, withHull, Exclusions.NONE);
    }

    /**
     * @param withHull   also compute the hull readouts, which take up to the engine's hull budget per passage
     * @param exclusions what to leave out of each passage, as the Novelty view leaves it out of a selection
     */
    public CorpusAnnotator(NoveltyEngine engine, boolean withHull, Exclusions exclusions) {
        this.engine = engine;
        this.withHull = withHull;
        this.exclusions = exclusions;
        IndexSettings settings = IndexSettings.defaults();
        this.reader = new CorpusReader(new PassageSplitter(settings.maxPassageWords()), settings.maxFileBytes());
    }

    /**
     * Annotates every passage under {@code roots}, in file order. Cancelling stops before the next passage (or inside
     * the current one, where the engine checks); the sink has then received exactly the passages finished so far.
     *
     * @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled
     */
    public AnnotationSummary annotate(List<Path> roots, Progress progress, AnnotationSink sink)
            throws NoveltyException {
        return annotate(roots, passage -> false, progress, sink);
    }

    /**
     * Annotates every passage under {@code roots} except those {@code finished} says are done (a resumed run's
     * results file holds them: {@link ResultsFile#resumes}), asking it once per passage in file order, and scoring the
     * others in that order, telling the sink when each file is done. A passage that the exclusions leave
     * nothing of is not scored: the summary lists it as left out.
     *
     * @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled
     */
    public AnnotationSummary annotate(List<Path> roots, Predicate<PassageKey> finished, Progress progress,
            AnnotationSink sink) throws NoveltyException {
        List<SkippedSource> skipped = new ArrayList<>();
        List<Provenance> leftOut = new ArrayList<>();
        List<Path> files = reader.sourceFiles(roots, skipped);
        progress.begin("Annotating with Novelty Lens", files.size());
        // one passage's analysis begins tasks of its own (the sentence breakdown), which must not reset the run's bar
        Progress cancelOnly = Progress.cancelledWhen(progress::isCanceled);
        int filesRead = 0;
        int annotated = 0;
        int resumed = 0;
        for (Path file : files) {
            progress.checkCanceled();
            int skippedBefore = skipped.size();
            List<Passage> passages = reader.passages(file, skipped);
            // a JSON Lines file with some malformed lines is skipped in part and still read
            filesRead += skipped.size() == skippedBefore || !passages.isEmpty() ? 1 : 0;
            ProgressSlice fileProgress = new ProgressSlice(progress, 1);
            fileProgress.begin(file.getFileName().toString(), passages.size());
            List<MaskedText> masks = PassageMasks.of(file, passages, exclusions);
            for (int i = 0; i < passages.size(); i++) {
                progress.checkCanceled();
                Passage passage = passages.get(i);
                // the index stores passages whitespace-collapsed: score the same text it would hold
                MaskedText masked = CollapsedMask.of(masks.get(i));
                if (finished.test(PassageKey.of(passage.provenance(), masked.original()))) {
                    resumed++;
                } else if (masked.nothingLeft()) {
                    leftOut.add(passage.provenance());
                } else {
                    NoveltyReport report = engine.analyze(masked, engine.k(), cancelOnly);
                    if (withHull) {
                        report = engine.withHull(report, cancelOnly);
                    }
                    sink.accept(new AnnotatedPassage(passage.provenance(), report));
                    annotated++;
                }
                fileProgress.worked(1);
            }
            sink.fileDone();
            fileProgress.done();
        }
        return new AnnotationSummary(filesRead, annotated, resumed, leftOut, skipped);
    }
}

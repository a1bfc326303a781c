package io.noveltylens.ui.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.verbatim.VerbatimOverlap;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;

/**
 * Scores the sentences of a snapshot of an editor's text in the background, a chunk at a time, and hands each
 * chunk's readouts to the editor's heatmap as soon as it is scored: a long document colours from the top while the
 * rest is still being scored, and an edit or a toggle cancels the job between two chunks.
 */
final class HeatmapJob extends Job {

    /**
     * Sentences per chunk: about 0.2 s of scoring with MiniLM fp32 on 2 cores (5-8 ms a sentence, docs/design.md section 4),
     * so that annotations appear steadily and a cancel takes effect quickly, in about 60 updates for 2,000 sentences.
     */
    static final int CHUNK = 32;

    /** Receives the readouts of one chunk; {@code scoredUpTo} is the text offset up to which the text is scored. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(List<SentenceReadout> readouts, int scoredUpTo, boolean last);
    }

    private final String text;
    private final EngineService engines;
    private final ChunkSink onChunk;
    private final Consumer<NoveltyException> onFailed;

    HeatmapJob(String text, EngineService engines, ChunkSink onChunk, Consumer<NoveltyException> onFailed) {
        super(Messages.HeatmapJob_name);
        this.text = text;
        this.engines = engines;
        this.onChunk = onChunk;
        this.onFailed = onFailed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<TextSpan> spans = SentenceSplitter.sentences(text);
        SubMonitor progress = SubMonitor.convert(monitor, Messages.HeatmapJob_name, 10 + spans.size());
        try {
            NoveltyEngine engine = engines.acquire(progress.split(10));
            if (spans.size() < 2) {
                // core gives no breakdown of a single sentence: its report is the sentence's readout
                onChunk.accept(spans.isEmpty() ? List.of() : List.of(single(engine, spans.get(0), progress.split(1))),
                        text.length(), true);
                return Status.OK_STATUS;
            }
            for (List<TextSpan> chunk : chunks(spans)) {
                progress.checkCanceled();
                int from = chunk.get(0).start();
                int to = chunk.get(chunk.size() - 1).end();
                List<SentenceReadout> readouts = new ArrayList<>(chunk.size());
                for (SentenceReadout readout : engine.sentences(text.substring(from, to),
                        new MonitorProgress(progress.split(chunk.size())))) {
                    readouts.add(shifted(readout, from));
                }
                progress.checkCanceled();
                boolean last = to == spans.get(spans.size() - 1).end();
                onChunk.accept(readouts, last ? text.length() : to, last);
            }
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            onFailed.accept(e);
            return Status.OK_STATUS;
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    private SentenceReadout single(NoveltyEngine engine, TextSpan span, IProgressMonitor monitor) throws NoveltyException {
        NoveltyReport report = engine.analyze(span.of(text), new MonitorProgress(monitor));
        double nearest = report.neighbours().isEmpty() ? 0 : report.neighbours().get(0).cosine();
        return new SentenceReadout(span, report.density(), nearest, report.verbatim().coverage(VerbatimOverlap.SHORTEST));
    }

    /** Runs of {@link #CHUNK} sentences; the last one takes a lone remainder, since core scores two or more at once. */
    static List<List<TextSpan>> chunks(List<TextSpan> spans) {
        List<List<TextSpan>> chunks = new ArrayList<>();
        int from = 0;
        while (from < spans.size()) {
            int to = Math.min(spans.size(), from + CHUNK);
            if (spans.size() - to == 1) {
                to = spans.size();
            }
            chunks.add(spans.subList(from, to));
            from = to;
        }
        return chunks;
    }

    private static SentenceReadout shifted(SentenceReadout readout, int offset) {
        TextSpan span = new TextSpan(readout.span().start() + offset, readout.span().end() + offset);
        return new SentenceReadout(span, readout.density(), readout.nearestCosine(), readout.verbatimCoverage());
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.HEATMAP;
    }
}

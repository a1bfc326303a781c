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
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;

/**
 * Has the engine score the sentences of a snapshot of an editor's text in the background, and hands their readouts
 * to the editor's heatmap a chunk at a time: a long document colours from the top while the rest is still being
 * scored, and an edit or a toggle cancels the job between two sentences. What the exclusion preferences leave out is
 * blanked first (offsets kept, so the sentences' spans are the document's) and reported before the first chunk.
 */
final class HeatmapJob extends Job {

    /**
     * Sentences per repaint: about 0.2 s of scoring with MiniLM fp32 on 2 cores (5-8 ms a sentence, docs/design.md section 4),
     * so that annotations appear steadily, in about 60 updates for 2,000 sentences.
     */
    static final int CHUNK = 32;

    /** Receives the readouts of one chunk; {@code scoredUpTo} is the text offset up to which the text is scored. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(List<SentenceReadout> readouts, int scoredUpTo, boolean last);
    }

    private final String text;
    private final EngineService engines;
    private final Consumer<MaskedText> onMasked;
    private final ChunkSink onChunk;
    private final Consumer<NoveltyException> onFailed;

    HeatmapJob(String text, EngineService engines, Consumer<MaskedText> onMasked, ChunkSink onChunk,
            Consumer<NoveltyException> onFailed) {
        super(Messages.HeatmapJob_name);
        this.text = text;
        this.engines = engines;
        this.onMasked = onMasked;
        this.onChunk = onChunk;
        this.onFailed = onFailed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.HeatmapJob_name, 20);
        try {
            NoveltyEngine engine = engines.acquire(progress.split(10));
            MaskedText masked = engines.configs().exclusions().mask(text);
            onMasked.accept(masked);
            List<SentenceReadout> chunk = new ArrayList<>(CHUNK);
            engine.sentences(masked.analysed(), 0, text.length(), readout -> {
                chunk.add(readout);
                if (chunk.size() == CHUNK) {
                    onChunk.accept(List.copyOf(chunk), readout.span().end(), false);
                    chunk.clear();
                }
            }, new MonitorProgress(progress.split(10)));
            progress.checkCanceled();
            onChunk.accept(List.copyOf(chunk), text.length(), true);
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            onFailed.accept(e);
            return Status.OK_STATUS;
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.HEATMAP;
    }
}

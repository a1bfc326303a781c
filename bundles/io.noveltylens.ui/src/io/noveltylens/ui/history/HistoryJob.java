package io.noveltylens.ui.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.chart.HistoryChart;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.history.CorpusFingerprint;
import io.noveltylens.core.history.DocumentHistory;
import io.noveltylens.core.history.HistoryStore;
import io.noveltylens.core.history.ParagraphChange;
import io.noveltylens.core.history.ParagraphChanges;
import io.noveltylens.core.history.SaveAnalysis;
import io.noveltylens.core.history.SaveReading;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * Reads a saved document paragraph by paragraph and appends the save to its history ({@link #recording}), or only
 * loads that history ({@link #loading}); either way it draws the plot and ranks the paragraphs that changed, off the
 * UI thread, and hands the {@link HistoryPicture} on. Jobs of one {@link SaveHistories} run one at a time (their
 * common rule), so that the saves of a document are appended in the order they were made.
 */
final class HistoryJob extends Job {

    /** Characters of a paragraph shown in the list of changes. */
    private static final int SNIPPET = 70;

    private final IFile file;
    private final boolean record;
    private final EngineService engines;
    private final HistoryStore store;
    private final Consumer<HistoryPicture> onPicture;

    private HistoryJob(IFile file, boolean record, EngineService engines, HistoryStore store, ISchedulingRule rule,
            Consumer<HistoryPicture> onPicture) {
        super(NLS.bind(record ? Messages.HistoryJob_recording : Messages.HistoryJob_loading, file.getName()));
        this.file = file;
        this.record = record;
        this.engines = engines;
        this.store = store;
        this.onPicture = onPicture;
        setRule(rule);
        setSystem(!record);
    }

    static HistoryJob recording(IFile file, EngineService engines, HistoryStore store, ISchedulingRule rule,
            Consumer<HistoryPicture> onPicture) {
        return new HistoryJob(file, true, engines, store, rule, onPicture);
    }

    static HistoryJob loading(IFile file, EngineService engines, HistoryStore store, ISchedulingRule rule,
            Consumer<HistoryPicture> onPicture) {
        return new HistoryJob(file, false, engines, store, rule, onPicture);
    }

    /** How the store names a workspace file: its path in the workspace, which moving the workspace keeps. */
    static String documentOf(IFile file) {
        return file.getFullPath().toString();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 30);
        try {
            NoveltyEngine engine = engines.acquire(progress.split(5));
            String corpus = CorpusFingerprint.of(engine.indexInfo());
            String text = savedText();
            DocumentHistory history;
            if (record) {
                SaveReading save = SaveAnalysis.read(engine, text, engines.configs().exclusions(),
                        System.currentTimeMillis(), new MonitorProgress(progress.split(20)));
                history = store.append(documentOf(file), save);
            } else {
                history = store.load(documentOf(file));
            }
            progress.setWorkRemaining(5);
            onPicture.accept(picture(history, corpus, text));
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            return Status.warning(NLS.bind(Messages.HistoryJob_failed, file.getFullPath(), e.getMessage()), e);
        } catch (CoreException | IOException e) {
            return Status.warning(NLS.bind(Messages.HistoryJob_unreadable, file.getFullPath(), e.getMessage()), e);
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    /** The file as saved: what the last save's offsets refer to. */
    private String savedText() throws CoreException, IOException {
        try (InputStream in = file.getContents()) {
            return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
        }
    }

    private HistoryPicture picture(DocumentHistory history, String corpus, String text) {
        List<SaveReading> line = history.on(corpus);
        byte[] plot = HistoryChart.png(line, HistoryPicture.PLOT_WIDTH, HistoryPicture.PLOT_HEIGHT);
        List<ParagraphChange> changes = line.size() < 2 ? List.of()
                : ParagraphChanges.ranked(line.get(line.size() - 2), line.get(line.size() - 1));
        List<String> snippets = changes.stream().map(change -> snippet(text, change)).toList();
        return new HistoryPicture(file, line, history.saves().size() - line.size(), plot, changes, snippets);
    }

    /** The paragraph's first words on one line; empty if the file changed since (outside the workbench). */
    private static String snippet(String text, ParagraphChange change) {
        int start = change.now().start();
        int end = change.now().end();
        if (end > text.length()) {
            return ""; //$NON-NLS-1$
        }
        return ReadoutFormat.snippet(text.substring(start, end), SNIPPET);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.HISTORY;
    }
}

package io.noveltylens.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.part.PageBook;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.AnalysisOutcome;
import io.noveltylens.ui.engine.AnalysisScheduler;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.format.FailureText;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.selection.SelectionTracker;

/**
 * The Novelty view: follows the text the user selects (live mode), asks the engine for a report in a background job,
 * and shows it. It computes nothing itself: {@link ReportPage} renders the report, {@link EmptyStatePage} the states
 * in between.
 */
public final class NoveltyView extends ViewPart {

    public static final String ID = "io.noveltylens.ui.noveltyView"; //$NON-NLS-1$
    static final String PREFERENCE_PAGE_ID = "io.noveltylens.ui.prefs"; //$NON-NLS-1$
    private static final String PROGRESS_VIEW_ID = "org.eclipse.ui.views.ProgressView"; //$NON-NLS-1$

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
    private final EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();
    private final Consumer<EngineState> engineListener = this::engineStateChanged;
    private final IPropertyChangeListener preferenceListener = this::preferenceChanged;

    private PageBook book;
    private EmptyStatePage emptyPage;
    private ReportPage reportPage;
    private SelectionTracker tracker;
    private AnalysisScheduler scheduler;
    private PinAction pinAction;
    private LiveModeAction liveModeAction;
    private boolean showingReport;
    /** The passage asked for last (by a selection, the Analyze command or a pin), asked again when settings change. */
    private String passage;
    /** The engine was replaced since the last request: ask {@link #passage} again once the new one is ready. */
    private boolean reportStale;

    @Override
    public void createPartControl(Composite parent) {
        HelpContexts.NOVELTY_VIEW.attach(parent);
        book = new PageBook(parent, SWT.NONE);
        emptyPage = new EmptyStatePage(book);
        reportPage = new ReportPage(book, getSite(), new SourceLocator(engines.configs())::resolve);
        IViewSite site = getViewSite();
        scheduler = new AnalysisScheduler(engines, parent.getDisplay(),
                site.getService(IWorkbenchSiteProgressService.class),
                this::present);
        tracker = new SelectionTracker(site.getPage(), this, this::selectionChanged);
        pinAction = new PinAction();
        liveModeAction = new LiveModeAction(store);
        IToolBarManager toolBar = site.getActionBars().getToolBarManager();
        toolBar.add(liveModeAction);
        toolBar.add(pinAction);
        toolBar.add(reportPage.copyAction());
        site.getActionBars().setGlobalActionHandler(org.eclipse.ui.actions.ActionFactory.COPY.getId(),
                reportPage.copyAction());
        engines.addListener(engineListener);
        store.addPropertyChangeListener(preferenceListener);
        showEmptyState();
        engines.warmUp();
        if (store.getBoolean(NoveltyLensPreferences.LIVE_MODE) && tracker.lastText() != null) {
            request(tracker.lastText(), 0);
        }
    }

    private void request(String text, long delayMillis) {
        passage = text;
        reportStale = false;
        scheduler.request(text, delayMillis);
    }

    private void selectionChanged(String text) {
        if (liveModeAction.isChecked() && !pinAction.isChecked()) {
            request(text, store.getInt(NoveltyLensPreferences.LIVE_DELAY_MILLIS));
        }
    }

    /** Analyses {@code text} now (the Analyze Novelty command), or the text selected last when it is null. */
    public void analyze(String text) {
        String passage = text != null ? text : tracker.lastText();
        if (passage == null) {
            showingReport = false;
            showEmptyState();
            return;
        }
        if (engines.state() instanceof EngineState.Failed) {
            engines.retry();
        }
        request(passage, 0);
    }

    private void present(AnalysisOutcome outcome) {
        if (book.isDisposed()) {
            return;
        }
        switch (outcome) {
            case AnalysisOutcome.Waiting waiting -> {
                if (!showingReport) {
                    showWaiting(engines.state());
                }
            }
            case AnalysisOutcome.Analysed analysed -> {
                showingReport = true;
                reportPage.show(analysed.report(), analysed.hullPending(), analysed.hullFailure());
                book.showPage(reportPage.control());
            }
            case AnalysisOutcome.Failed failed -> {
                showingReport = false;
                showFailure(failed.error());
            }
        }
    }

    private void engineStateChanged(EngineState state) {
        book.getDisplay().asyncExec(() -> {
            if (book.isDisposed()) {
                return;
            }
            EngineState now = engines.state();
            // over a report only: the empty state says it in full
            setContentDescription(now instanceof EngineState.Rebuilding rebuilding && showingReport
                    ? NLS.bind(rebuilding.previousAnswers() ? Messages.NoveltyView_rebuildingPrevious
                            : Messages.NoveltyView_rebuildingWaiting, rebuilding.percent())
                    : ""); //$NON-NLS-1$
            if (replacing(state) || replacing(now)) {
                // the report on show, if any, came from an engine that is being replaced (the event says so even when
                // a new engine is loading by the time this runs)
                reportStale = true;
            }
            if (now instanceof EngineState.Ready && reportStale) {
                reportStale = false;
                // the same question to the new engine (the editor's selection may have moved on since)
                if (passage != null) {
                    request(passage, 0);
                }
            }
            if (!showingReport) {
                showEmptyState();
            }
        });
    }

    private static boolean replacing(EngineState state) {
        return state instanceof EngineState.Rebuilding || state instanceof EngineState.NotLoaded;
    }

    private void preferenceChanged(PropertyChangeEvent event) {
        if (NoveltyLensPreferences.LIVE_MODE.equals(event.getProperty())) {
            book.getDisplay().asyncExec(() -> {
                if (!book.isDisposed()) {
                    liveModeAction.setChecked(store.getBoolean(NoveltyLensPreferences.LIVE_MODE));
                }
            });
        } else if (NoveltyLensPreferences.ENGINE_KEYS.contains(event.getProperty())
                || NoveltyLensPreferences.ANALYSIS_KEYS.contains(event.getProperty())) {
            // a report from the previous model, corpus or settings must not stay on screen as if it were current
            book.getDisplay().asyncExec(() -> {
                if (!book.isDisposed()) {
                    showingReport = false;
                    showEmptyState();
                    // the passage asked for last, which an Analyze command may have chosen over the selection
                    if (passage != null) {
                        request(passage, 0);
                    }
                }
            });
        }
    }

    private void showEmptyState() {
        switch (engines.state()) {
            case EngineState.Failed failed -> showFailure(failed.error());
            case EngineState.Loading loading -> {
                if (tracker.lastText() == null) {
                    showNothingSelected(Messages.NoveltyView_loadingInBackground);
                } else {
                    showLoading();
                }
            }
            case EngineState.Rebuilding rebuilding -> showWaiting(rebuilding);
            default -> showNothingSelected(""); //$NON-NLS-1$
        }
    }

    private void showNothingSelected(String note) {
        Map<String, Runnable> links = new LinkedHashMap<>();
        links.put(Messages.NoveltyView_openPreferences, this::openPreferences);
        String body = liveModeAction.isChecked() ? Messages.NoveltyView_nothingSelectedLive
                : Messages.NoveltyView_nothingSelectedManual;
        emptyPage.show(NoveltyLensPlugin.image(NoveltyLensImages.LENS), Messages.NoveltyView_nothingSelectedTitle,
                note.isEmpty() ? body : body + "\n\n" + note, links); //$NON-NLS-1$
        book.showPage(emptyPage.control());
    }

    private void showWaiting(EngineState state) {
        if (state instanceof EngineState.Rebuilding rebuilding) {
            Map<String, Runnable> links = new LinkedHashMap<>();
            links.put(Messages.NoveltyView_openProgressView, this::openProgressView);
            emptyPage.show(NoveltyLensPlugin.image(NoveltyLensImages.LENS),
                    NLS.bind(Messages.NoveltyView_rebuildingTitle, rebuilding.percent()),
                    Messages.NoveltyView_rebuildingBody,
                    links);
            book.showPage(emptyPage.control());
        } else {
            showLoading();
        }
    }

    private void showLoading() {
        Map<String, Runnable> links = new LinkedHashMap<>();
        links.put(Messages.NoveltyView_openProgressView, this::openProgressView);
        emptyPage.show(NoveltyLensPlugin.image(NoveltyLensImages.LENS), Messages.NoveltyView_loadingTitle,
                Messages.NoveltyView_loadingBody, links);
        book.showPage(emptyPage.control());
    }

    private void showFailure(NoveltyException error) {
        Map<String, Runnable> links = new LinkedHashMap<>();
        links.put(Messages.NoveltyView_openPreferences, this::openPreferences);
        links.put(Messages.NoveltyView_tryAgain, () -> analyze(null));
        String title = error.kind() == NoveltyException.Kind.BAD_INPUT ? Messages.NoveltyView_badInputTitle
                : Messages.NoveltyView_failedTitle;
        // the collection's own messages say what failed; this says where the setting is and what to do here
        String body = NoveltyLensPreferences.SOLR.equals(store.getString(NoveltyLensPreferences.CORPUS_CHOICE))
                && error.kind() != NoveltyException.Kind.BAD_INPUT
                        ? FailureText.of(error) + "\n\n" + Messages.NoveltyView_collectionHint //$NON-NLS-1$
                        : FailureText.of(error);
        emptyPage.show(getSite().getShell().getDisplay().getSystemImage(SWT.ICON_WARNING), title, body, links);
        book.showPage(emptyPage.control());
    }

    private void openPreferences() {
        PreferencesUtil.createPreferenceDialogOn(getSite().getShell(), PREFERENCE_PAGE_ID, null, null).open();
    }

    private void openProgressView() {
        try {
            getSite().getPage().showView(PROGRESS_VIEW_ID);
        } catch (PartInitException e) {
            NoveltyLensPlugin.log(e.getMessage(), e);
        }
    }

    @Override
    public void setFocus() {
        book.setFocus();
    }

    /** For tests and the copy command: what the view presents now. */
    public ReportPage reportPage() {
        return reportPage;
    }

    /** For tests: the title of the empty state on show, or null when a report is on show. */
    public String emptyStateTitle() {
        return showingReport ? null : emptyPage.titleText();
    }

    /** For tests: what the empty state on show says to do, or null when a report is on show. */
    public String emptyStateBody() {
        return showingReport ? null : emptyPage.bodyText();
    }

    @Override
    public void dispose() {
        store.removePropertyChangeListener(preferenceListener);
        engines.removeListener(engineListener);
        if (tracker != null) {
            tracker.dispose();
        }
        if (scheduler != null) {
            scheduler.dispose();
        }
        super.dispose();
    }
}

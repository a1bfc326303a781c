package io.noveltylens.ui.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/**
 * Owns the one {@link NoveltyEngine} of the workbench. The engine is loaded by an {@link EngineLoadJob} on first use
 * (seconds: the model and the index), shared by every analysis, and replaced when the model or corpus preferences
 * change, so that results from two configurations are never mixed. When the change means the index no longer matches
 * (another model, other corpus folders or patterns), the service schedules an {@link IndexRebuildJob}; meanwhile the
 * previous engine keeps answering only if it uses the model now chosen, and analyses otherwise wait for the rebuild.
 * An index an older version of Novelty Lens wrote opens and answers, and is upgraded by a rebuild job at once; a
 * failed or cancelled upgrade leaves it answering, and is not retried until the preferences change or the IDE starts
 * again.
 */
public final class EngineService {

    /**
     * Apply on the preference page stores one key after the other: the rebuild starts once they are all stored, and a
     * change during that delay reschedules it rather than building twice.
     */
    private static final long REBUILD_DELAY_MILLIS = 300;

    private final IPreferenceStore store;
    private final EngineConfigFactory configs;
    private final IPropertyChangeListener preferenceListener = this::preferenceChanged;
    private final CopyOnWriteArrayList<Consumer<EngineState>> listeners = new CopyOnWriteArrayList<>();

    private NoveltyEngine engine;
    /** The model key ({@link EngineConfigFactory#modelKey}) and the index plan of {@link #engine}. */
    private String engineModel;
    private IndexPlan enginePlan;
    private EngineState state = new EngineState.NotLoaded();
    private EngineLoadJob loadJob;
    private IndexRebuildJob rebuildJob;
    /** A failed load already led to a rebuild for these preferences: a second failure is shown, not rebuilt again. */
    private boolean rebuiltAfterFailure;
    /**
     * An upgrade of the index to this version's format failed or was cancelled for these preferences: the outdated
     * index answers, and the next load does not upgrade it again (the job's error said why).
     */
    private boolean upgradeDeclined;

    public EngineService(IPreferenceStore store, Path stateDir) {
        this.store = store;
        this.configs = new EngineConfigFactory(store, stateDir);
        store.addPropertyChangeListener(preferenceListener);
    }

    public EngineConfigFactory configs() {
        return configs;
    }

    /**
     * Returns the loaded engine, loading it first if needed (and waiting for a rebuild the index needs); the caller (a
     * job) waits for the load and rebuild jobs, so that each shows once in the Progress view however many analyses
     * wait for it.
     */
    public NoveltyEngine acquire(IProgressMonitor monitor) throws NoveltyException {
        while (true) {
            Job wait;
            synchronized (this) {
                if (engine != null) {
                    return engine;
                }
                if (state instanceof EngineState.Failed failed) {
                    throw failed.error();
                }
                wait = rebuildJob != null ? rebuildJob : scheduleLoad();
            }
            try {
                wait.join(0, monitor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
            synchronized (this) {
                if (engine == null && loadJob == null && rebuildJob == null
                        && !(state instanceof EngineState.Failed)) {
                    // the load was cancelled (the preferences changed again): this analysis is stale
                    throw new OperationCanceledException();
                }
            }
        }
    }

    /** Whether {@code used} is still the current engine: answers of a replaced one must not reach the screen. */
    public synchronized boolean isCurrent(NoveltyEngine used) {
        return used != null && used == engine;
    }

    /** Starts loading in the background if nothing is loaded, so the model is ready by the time the user selects text. */
    public synchronized void warmUp() {
        if (engine == null && rebuildJob == null && !(state instanceof EngineState.Failed)) {
            scheduleLoad();
        }
    }

    /** Forgets a failure (the user fixed something outside the preferences, such as a missing file) and reloads. */
    public void retry() {
        synchronized (this) {
            rebuiltAfterFailure = false;
            upgradeDeclined = false;
        }
        reload();
    }

    /**
     * Rebuilds the index the preferences call for (the preference page's Rebuild button); the previous engine keeps
     * answering meanwhile if it uses the current model. Returns false when the current corpus is not one the UI
     * builds (the shipped index with its own model, or an index folder the user chose).
     */
    public boolean rebuild() throws NoveltyException {
        if (!configs.indexPlan().rebuildable()) {
            return false;
        }
        String model = configs.modelKey();
        NoveltyEngine dropped;
        synchronized (this) {
            rebuiltAfterFailure = false;
            dropped = model.equals(engineModel) ? null : dropEngine();
            scheduleRebuild(dropped == null && engine != null);
        }
        closeLater(dropped);
        return true;
    }

    /** What the loaded index was built from, for the preference page; says so when nothing is loaded yet. */
    public String describeIndex() {
        NoveltyEngine loaded;
        synchronized (this) {
            loaded = engine;
        }
        if (loaded == null) {
            return Messages.EngineService_indexNotLoaded;
        }
        IndexMetadata index = loaded.indexInfo();
        return NLS.bind(Messages.EngineService_indexInfo, new Object[] { index.passages(), index.sources().size(),
                index.modelId(), index.builtAt(), index.skipped().size() });
    }

    public synchronized EngineState state() {
        return state;
    }

    /** Listeners are told on the thread that changed the state; UI listeners must hop to the display themselves. */
    public void addListener(Consumer<EngineState> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<EngineState> listener) {
        listeners.remove(listener);
    }

    private Job scheduleLoad() {
        if (loadJob == null) {
            loadJob = new EngineLoadJob(this, configs);
            setState(new EngineState.Loading());
            loadJob.schedule();
        }
        return loadJob;
    }

    /** Replaces a pending or running rebuild by a new one; the caller holds the lock. */
    private void scheduleRebuild(boolean previousAnswers) {
        scheduleRebuild(new IndexRebuildJob(this), previousAnswers);
    }

    private void scheduleRebuild(IndexRebuildJob job, boolean previousAnswers) {
        cancelRebuild();
        rebuildJob = job;
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                rebuildEnded(job, event.getResult());
            }
        });
        setState(new EngineState.Rebuilding(0, previousAnswers));
        job.schedule(REBUILD_DELAY_MILLIS);
    }

    /**
     * Cancels the rebuild under way, if any, after forgetting it: a job cancelled before it ran reports its end at
     * once, and that end must not count as the end of the rebuild that replaces it.
     */
    private void cancelRebuild() {
        IndexRebuildJob previous = rebuildJob;
        rebuildJob = null;
        if (previous != null) {
            previous.cancel();
        }
    }

    void rebuildProgressed(IndexRebuildJob job, int percent) {
        EngineState progressed;
        synchronized (this) {
            if (job != rebuildJob || !(state instanceof EngineState.Rebuilding rebuilding)) {
                return;
            }
            progressed = new EngineState.Rebuilding(percent, rebuilding.previousAnswers());
            state = progressed;
        }
        listeners.forEach(listener -> listener.accept(progressed));
    }

    private void rebuildEnded(IndexRebuildJob job, IStatus result) {
        NoveltyEngine dropped;
        EngineState next;
        synchronized (this) {
            if (job != rebuildJob) {
                return; // replaced by a newer rebuild
            }
            rebuildJob = null;
            boolean built = result.isOK() || result.getSeverity() == IStatus.INFO;
            if (job.isUpgrade() && !built && engine != null) {
                // the outdated index is still the current one and answers: a failed or cancelled upgrade takes
                // nothing away; the job's error, if any, says why it failed
                upgradeDeclined = true;
                dropped = null;
                next = new EngineState.Ready();
            } else {
                // the previous engine answered from the previous index: whatever happened, it is not the index now
                // chosen
                dropped = dropEngine();
                next = nextAfterRebuild(built, result);
            }
            state = next;
        }
        closeLater(dropped);
        listeners.forEach(listener -> listener.accept(next));
        warmUp();
    }

    private static EngineState nextAfterRebuild(boolean built, IStatus result) {
        if (built) {
            return new EngineState.NotLoaded();
        }
        return new EngineState.Failed(result.getException() instanceof NoveltyException error ? error
                : new NoveltyException(NoveltyException.Kind.INDEX, Messages.IndexRebuildJob_cancelled));
    }

    void loaded(EngineLoadJob job, NoveltyEngine loaded, String model, IndexPlan plan) {
        synchronized (this) {
            if (job != loadJob) {
                // the preferences changed while this engine was loading: it is already stale
                closeQuietly(loaded);
                return;
            }
            engine = loaded;
            engineModel = model;
            enginePlan = plan;
            loadJob = null;
            // async: never run under this lock, even when the check has already ended
            loaded.modelVerification().whenCompleteAsync((verified, error) -> modelVerified(loaded, error));
            if (loaded.indexOutdated() && plan.indexDir() != null && !upgradeDeclined) {
                // an older version of Novelty Lens wrote the index: it answers while the upgrade runs
                scheduleRebuild(new IndexRebuildJob(this, loaded.indexInfo()), true);
                return;
            }
        }
        setState(new EngineState.Ready());
    }

    /**
     * The engine's background check of the model files ended: if they no longer match the fingerprint the engine was
     * opened with (rewritten with their size and time restored), the engine refuses every call, so it is replaced by
     * a new one, which checks the index against the model as it is now (and rebuilds an index of the UI's own).
     */
    private void modelVerified(NoveltyEngine checked, Throwable error) {
        if (error == null || !isCurrent(checked)) {
            return;
        }
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        ILog.of(EngineService.class).warn(cause.getMessage(), cause);
        reload();
    }

    /**
     * A load failed. An index the UI builds itself that is missing, stale or unreadable is rebuilt (once per change of
     * preferences); any other failure is shown with its fix.
     */
    void failed(EngineLoadJob job, NoveltyException error, boolean indexRebuildable) {
        synchronized (this) {
            if (job != loadJob) {
                return;
            }
            loadJob = null;
            if (error != null && error.kind() == NoveltyException.Kind.INDEX && indexRebuildable
                    && !rebuiltAfterFailure) {
                rebuiltAfterFailure = true;
                scheduleRebuild(false);
                return;
            }
        }
        setState(error == null ? new EngineState.NotLoaded() : new EngineState.Failed(error));
    }

    private void preferenceChanged(PropertyChangeEvent event) {
        if (!NoveltyLensPreferences.ENGINE_KEYS.contains(event.getProperty())) {
            return;
        }
        IndexPlan plan;
        try {
            plan = configs.indexPlan();
        } catch (NoveltyException e) {
            reload(); // the load shows what is missing
            return;
        }
        if (!plan.rebuildable()) {
            reload();
            return;
        }
        String model = configs.modelKey();
        NoveltyEngine dropped;
        synchronized (this) {
            if (engine != null && model.equals(engineModel) && plan.equals(enginePlan) && rebuildJob == null) {
                return; // the change does not touch this engine's model or index
            }
            rebuiltAfterFailure = false;
            upgradeDeclined = false;
            if (loadJob != null) {
                loadJob.cancel();
                loadJob = null;
            }
            dropped = model.equals(engineModel) ? null : dropEngine();
            scheduleRebuild(engine != null);
        }
        closeLater(dropped);
    }

    /**
     * Loads the engine again, at once, when {@code used} is still the current one: once, however many analyses found
     * it outdated; the view asks its passage again when the new one is ready.
     */
    public void reloadIfCurrent(NoveltyEngine used) {
        if (isCurrent(used)) {
            reload();
            warmUp();
        }
    }

    /** Drops the current engine; the next {@link #acquire} loads one for the current preferences. */
    public void reload() {
        NoveltyEngine old;
        synchronized (this) {
            cancelRebuild();
            if (loadJob != null) {
                loadJob.cancel();
                loadJob = null;
            }
            old = dropEngine();
            state = new EngineState.NotLoaded();
        }
        closeLater(old);
        listeners.forEach(listener -> listener.accept(new EngineState.NotLoaded()));
    }

    /** Forgets the engine and returns it for {@link #closeLater}; the caller holds the lock. */
    private NoveltyEngine dropEngine() {
        NoveltyEngine old = engine;
        engine = null;
        engineModel = null;
        enginePlan = null;
        return old;
    }

    /** Closes a dropped engine once the analyses still holding it have stopped. */
    private static void closeLater(NoveltyEngine old) {
        if (old == null) {
            return;
        }
        // analyses still running hold the old engine: stop them before closing it
        Job.getJobManager().cancel(JobFamilies.ANALYSIS);
        Job.getJobManager().cancel(JobFamilies.HEATMAP);
        Job.getJobManager().cancel(JobFamilies.DRAFTS);
        new EngineCloseJob(old).schedule();
    }

    private void setState(EngineState newState) {
        synchronized (this) {
            state = newState;
        }
        listeners.forEach(listener -> listener.accept(newState));
    }

    public void dispose() {
        store.removePropertyChangeListener(preferenceListener);
        NoveltyEngine old;
        synchronized (this) {
            old = dropEngine();
            if (loadJob != null) {
                loadJob.cancel();
            }
            cancelRebuild();
        }
        closeQuietly(old);
    }

    static void closeQuietly(NoveltyEngine engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (Exception e) {
            ILog.of(EngineService.class).error(e.getMessage(), e);
        }
    }
}

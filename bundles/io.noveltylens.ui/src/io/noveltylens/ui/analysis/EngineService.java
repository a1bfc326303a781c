package io.noveltylens.ui.analysis;

import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.NoveltyEngine;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;

/**
 * Owns the one {@link NoveltyEngine} of the workbench. The engine is loaded by an {@link EngineLoadJob} on first use
 * (seconds: the model and the index), shared by every analysis, and replaced when the model or corpus preferences
 * change, so that results from two configurations are never mixed.
 */
public final class EngineService {

    private final IPreferenceStore store;
    private final EngineConfigFactory configs;
    private final IPropertyChangeListener preferenceListener = this::preferenceChanged;
    private final CopyOnWriteArrayList<Consumer<EngineState>> listeners = new CopyOnWriteArrayList<>();

    private NoveltyEngine engine;
    private EngineState state = new EngineState.NotLoaded();
    private EngineLoadJob loadJob;

    public EngineService(IPreferenceStore store, Path stateDir) {
        this.store = store;
        this.configs = new EngineConfigFactory(store, stateDir);
        store.addPropertyChangeListener(preferenceListener);
    }

    public EngineConfigFactory configs() {
        return configs;
    }

    /**
     * Returns the loaded engine, loading it first if needed; the caller (a job) waits for the load job so that the
     * load itself shows once in the Progress view however many analyses wait for it.
     */
    public NoveltyEngine acquire(IProgressMonitor monitor) throws NoveltyException {
        Job load;
        synchronized (this) {
            if (engine != null) {
                return engine;
            }
            if (state instanceof EngineState.Failed failed) {
                throw failed.error();
            }
            load = scheduleLoad();
        }
        try {
            load.join(0, monitor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
        synchronized (this) {
            if (engine != null) {
                return engine;
            }
            if (state instanceof EngineState.Failed failed) {
                throw failed.error();
            }
        }
        throw new OperationCanceledException();
    }

    /** Starts loading in the background if nothing is loaded, so the model is ready by the time the user selects text. */
    public synchronized void warmUp() {
        if (engine == null && !(state instanceof EngineState.Failed)) {
            scheduleLoad();
        }
    }

    /** Forgets a failure (the user fixed something outside the preferences, such as a missing file) and reloads. */
    public void retry() {
        reload();
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

    void loaded(EngineLoadJob job, NoveltyEngine loaded) {
        synchronized (this) {
            if (job != loadJob) {
                // the preferences changed while this engine was loading: it is already stale
                closeQuietly(loaded);
                return;
            }
            engine = loaded;
            loadJob = null;
        }
        setState(new EngineState.Ready());
    }

    void failed(EngineLoadJob job, NoveltyException error) {
        synchronized (this) {
            if (job != loadJob) {
                return;
            }
            loadJob = null;
        }
        setState(error == null ? new EngineState.NotLoaded() : new EngineState.Failed(error));
    }

    private void preferenceChanged(PropertyChangeEvent event) {
        if (NoveltyLensPreferences.ENGINE_KEYS.contains(event.getProperty())) {
            reload();
        }
    }

    /** Drops the current engine; the next {@link #acquire} loads one for the current preferences. */
    public void reload() {
        NoveltyEngine old;
        synchronized (this) {
            old = engine;
            engine = null;
            if (loadJob != null) {
                loadJob.cancel();
                loadJob = null;
            }
        }
        // analyses still running hold the old engine: stop them before closing it
        Job.getJobManager().cancel(JobFamilies.ANALYSIS);
        Job.getJobManager().cancel(JobFamilies.HEATMAP);
        setState(new EngineState.NotLoaded());
        if (old != null) {
            new EngineCloseJob(old).schedule();
        }
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
            old = engine;
            engine = null;
            if (loadJob != null) {
                loadJob.cancel();
            }
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
            NoveltyLensPlugin.log(e.getMessage(), e);
        }
    }
}

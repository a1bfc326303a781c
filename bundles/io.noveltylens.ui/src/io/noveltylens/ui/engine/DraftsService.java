package io.noveltylens.ui.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.drafts.AnalysedPassage;
import io.noveltylens.core.drafts.DraftsStore;
import io.noveltylens.core.drafts.DraftsUpdate;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/**
 * "My drafts" in the workbench: the drafts store of the project or folder the preferences name, brought up to date
 * in the background when the workbench starts or the preference changes (every file's digest is checked, only new
 * text is embedded), then from resource changes: a save, an added, deleted or moved file of a format the corpus
 * reader reads schedules an update of those files only. Updates are coalesced: the job waits {@link #COALESCE_MILLIS}
 * after a change, changes meanwhile join it, and changes that arrive while it runs are taken by one more run, so many
 * saves while typing give one or two updates. The store lives in the plug-in's state location and uses
 * the engine's model, so it is reopened when the engine is.
 */
public final class DraftsService {

    /** How long an update waits for more changes: a burst of saves (Save All, a refactoring) is one update. */
    static final long COALESCE_MILLIS = 300;

    private final IPreferenceStore preferences;
    private final EngineService engines;
    private final Path storeDir;
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();
    /** The next update lists the whole folder: at start, when the folder or the engine changed, after a failure. */
    private final AtomicBoolean listAll = new AtomicBoolean(true);
    private final AtomicInteger embedded = new AtomicInteger();
    private final CopyOnWriteArrayList<Consumer<DraftsUpdate>> listeners = new CopyOnWriteArrayList<>();
    private final UpdateJob job = new UpdateJob();
    private final IResourceChangeListener resourceListener = this::resourceChanged;
    private final IPropertyChangeListener preferenceListener = this::preferenceChanged;
    private final Consumer<EngineState> engineListener = this::engineChanged;
    /** Guarded by this: the open store and the embedder it was opened with. */
    private DraftsStore store;
    private Embedder storeEmbedder;
    private volatile DraftsUpdate lastUpdate;
    private volatile NoveltyException lastFailure;

    /** @param storeDir the folder of the drafts store, in the plug-in's state location */
    public DraftsService(IPreferenceStore preferences, EngineService engines, Path storeDir) {
        this.preferences = preferences;
        this.engines = engines;
        this.storeDir = storeDir;
    }

    /** Starts following the drafts folder: a first update in the background, then resource changes. */
    public void start() {
        ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
        preferences.addPropertyChangeListener(preferenceListener);
        engines.addListener(engineListener);
        scheduleAll();
    }

    /** The project or folder named "My drafts", or null when none is named or it is not in the workspace (closed). */
    public IContainer folder() {
        String path = preferences.getString(NoveltyLensPreferences.DRAFTS_FOLDER).strip();
        if (path.isEmpty() || !IPath.ROOT.isValidPath(path)) {
            return null;
        }
        IResource member = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
        return member instanceof IContainer container && container.isAccessible() && container.getLocation() != null
                ? container : null;
    }

    /** The last update's result, or null before the first one finished. */
    public DraftsUpdate lastUpdate() {
        return lastUpdate;
    }

    /** Why the last update failed, or null when it did not. */
    public NoveltyException lastFailure() {
        return lastFailure;
    }

    /** Passages embedded by the updates of this service since it started. */
    public int embeddedSinceStart() {
        return embedded.get();
    }

    /** {@code listener} hears of each finished update, on the update job's thread. */
    public void addListener(Consumer<DraftsUpdate> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DraftsUpdate> listener) {
        listeners.remove(listener);
    }

    /**
     * Searches the drafts for the passages nearest {@code query} (a unit vector of the engine's model) in a background
     * job, and gives them to {@code sink} on that job's thread; an empty list when no drafts are open yet.
     */
    public void nearest(float[] query, int k, AnalysedPassage analysed, Consumer<List<Neighbour>> sink) {
        Job search = new Job(Messages.DraftsService_searchJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                DraftsStore open;
                synchronized (DraftsService.this) {
                    open = store;
                }
                sink.accept(open == null || folder() == null ? List.of() : open.nearest(query, k, analysed));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.DRAFTS;
            }
        };
        search.setSystem(true);
        search.setPriority(Job.SHORT);
        search.schedule();
    }

    private void scheduleAll() {
        listAll.set(true);
        if (folder() != null) {
            job.schedule(COALESCE_MILLIS);
        }
    }

    private void preferenceChanged(PropertyChangeEvent event) {
        if (NoveltyLensPreferences.DRAFTS_FOLDER.equals(event.getProperty())) {
            scheduleAll();
        }
    }

    /**
     * A new engine may run another model, and an update it cancelled when it replaced the old one must run again: the
     * store is reopened for it when its embedder differs, and every file checked (digests only when nothing changed).
     */
    private void engineChanged(EngineState state) {
        if (state instanceof EngineState.Ready) {
            scheduleAll();
        }
    }

    /** Collects the draft files a change touched and schedules their update; it runs in the resource change thread. */
    private void resourceChanged(IResourceChangeEvent event) {
        IContainer folder = folder();
        IResourceDelta drafts = folder == null || event.getDelta() == null ? null
                : event.getDelta().findMember(folder.getFullPath());
        if (drafts == null) {
            return;
        }
        int before = changed.size();
        try {
            drafts.accept(delta -> {
                if (delta.getResource() instanceof IFile file && CorpusReader.hasTextFormat(file.getName())
                        && (delta.getKind() != IResourceDelta.CHANGED || (delta.getFlags()
                                & (IResourceDelta.CONTENT | IResourceDelta.REPLACED | IResourceDelta.ENCODING)) != 0)
                        && file.getLocation() != null) {
                    changed.add(file.getLocation().toPath());
                }
                return true;
            });
        } catch (CoreException e) {
            listAll.set(true); // a delta we could not read: check every file
        }
        if (changed.size() > before || listAll.get()) {
            job.schedule(COALESCE_MILLIS);
        }
    }

    /** The store for {@code embedder}, opened (or reopened for a new engine) here; the caller is the update job. */
    private synchronized DraftsStore storeFor(Embedder embedder) throws NoveltyException {
        if (store == null || storeEmbedder != embedder) {
            closeStore();
            store = DraftsStore.open(storeDir, embedder);
            storeEmbedder = embedder;
            listAll.set(true);
        }
        return store;
    }

    private synchronized void closeStore() {
        if (store != null) {
            try {
                store.close();
            } catch (NoveltyException e) {
                ILog.of(DraftsService.class).warn(e.getMessage(), e);
            }
            store = null;
            storeEmbedder = null;
        }
    }

    /** Stops following the folder, waits for a running update and closes the store. */
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
        preferences.removePropertyChangeListener(preferenceListener);
        engines.removeListener(engineListener);
        job.cancel();
        try {
            job.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeStore();
    }

    /** Brings the store up to date with what changed since the last run (or with the whole folder). */
    private final class UpdateJob extends Job {

        UpdateJob() {
            super(Messages.DraftsService_updateJob);
            setPriority(Job.DECORATE); // after the analyses the writer waits for
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            IContainer folder = folder();
            if (folder == null) {
                return Status.OK_STATUS;
            }
            SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.DraftsService_updating,
                    folder.getFullPath()), 100);
            List<Path> files = new ArrayList<>(changed);
            changed.removeAll(files);
            try {
                DraftsStore drafts = storeFor(engines.acquire(progress.split(20)).embedder());
                Path location = folder.getLocation().toPath();
                MonitorProgress updating = new MonitorProgress(progress.split(80));
                DraftsUpdate update = listAll.getAndSet(false) ? drafts.updateAll(location, updating)
                        : drafts.update(location, files, updating);
                embedded.addAndGet(update.passagesEmbedded());
                lastUpdate = update;
                lastFailure = null;
                listeners.forEach(listener -> listener.accept(update));
                return Status.OK_STATUS;
            } catch (CancelledException | OperationCanceledException e) {
                // the files taken are not lost: the next run checks every file
                listAll.set(true);
                return Status.CANCEL_STATUS;
            } catch (NoveltyException e) {
                listAll.set(true);
                lastFailure = e;
                ILog.of(DraftsService.class).warn(NLS.bind(Messages.DraftsService_failed, folder.getFullPath(),
                        e.getMessage()), e);
                return Status.OK_STATUS;
            }
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == JobFamilies.DRAFTS;
        }
    }
}

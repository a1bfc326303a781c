package io.noveltylens.ui.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.core.history.HistoryStore;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.heatmap.EditorHeatmaps;

/**
 * The novelty histories of the documents the writer has analysed: a document whose heatmap is on, or whose text the
 * Novelty view has analysed, gets a point each time it is saved. Saves are seen as changes of a workspace file's
 * content (one event per save, none per keystroke); reading the document and appending the point run in a
 * {@link HistoryJob}, and every {@link HistoryPicture} that job draws goes to the listeners (the view's history
 * section), on the job's thread.
 */
public final class SaveHistories implements IResourceChangeListener {

    private final EngineService engines;
    private final EditorHeatmaps heatmaps;
    private final HistoryStore store;
    /** The documents the Novelty view has analysed passages of, since the workbench started. */
    private final Set<IFile> followed = ConcurrentHashMap.newKeySet();
    private final List<Consumer<HistoryPicture>> listeners = new CopyOnWriteArrayList<>();
    /** One history job at a time: a document's saves are appended in the order they were made. */
    private final ISchedulingRule oneAtATime = new ISchedulingRule() {
        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /** @param folder where the histories are kept (the plug-in's state location) */
    public SaveHistories(EngineService engines, EditorHeatmaps heatmaps, Path folder) {
        this.engines = engines;
        this.heatmaps = heatmaps;
        this.store = new HistoryStore(folder, warning -> ILog.of(SaveHistories.class).warn(warning));
    }

    public void start() {
        ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
    }

    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
    }

    /** The Novelty view analysed a passage of {@code file}: its saves are recorded from now on. */
    public void follow(IFile file) {
        followed.add(file);
    }

    public void addListener(Consumer<HistoryPicture> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<HistoryPicture> listener) {
        listeners.remove(listener);
    }

    /** Loads the stored history of {@code file} in the background and hands it to the listeners. */
    public void load(IFile file) {
        HistoryJob.loading(file, engines, store, oneAtATime, this::publish).schedule();
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        List<IFile> saved = new ArrayList<>();
        if (event.getDelta() == null) {
            return;
        }
        try {
            event.getDelta().accept(delta -> {
                if (delta.getResource() instanceof IFile file && delta.getKind() == IResourceDelta.CHANGED
                        && (delta.getFlags() & IResourceDelta.CONTENT) != 0) {
                    saved.add(file);
                }
                return true;
            }, IResource.NONE);
        } catch (CoreException e) {
            // only a visitor throws it, and this one does not
            throw new IllegalStateException(e);
        }
        if (saved.isEmpty() || !PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        // the editors and their heatmaps live on the UI thread: ask there, then read the document in a job
        display.asyncExec(() -> {
            for (IFile file : saved) {
                if (followed.contains(file) || heatmapOn(file)) {
                    HistoryJob.recording(file, engines, store, oneAtATime, this::publish).schedule();
                }
            }
        });
    }

    private boolean heatmapOn(IFile file) {
        FileEditorInput input = new FileEditorInput(file);
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.findEditors(input, null, IWorkbenchPage.MATCH_INPUT)) {
                    if (reference.getEditor(false) instanceof ITextEditor editor && heatmaps.of(editor) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void publish(HistoryPicture picture) {
        listeners.forEach(listener -> listener.accept(picture));
    }
}

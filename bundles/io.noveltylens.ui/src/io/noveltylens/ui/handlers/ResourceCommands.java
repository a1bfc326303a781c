package io.noveltylens.ui.handlers;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * What the commands on Project Explorer resources share: the selected resources, a job over them, and a view to show
 * its result in.
 */
final class ResourceCommands {

    private ResourceCommands() {
    }

    /** The resources the selection holds or adapts to; empty when it is not a structured selection. */
    static List<IResource> selected(ExecutionEvent event) {
        if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
            return List.of();
        }
        return ((List<?>) selection.toList()).stream().map(element -> Adapters.adapt(element, IResource.class))
                .filter(resource -> resource != null).toList();
    }

    /**
     * Schedules the job {@code job} makes over the selected resources (none: nothing happens); when the job hands its
     * result to the consumer it was given, the view {@code viewId} is brought up on the UI thread and given the result.
     */
    static <R, V extends IViewPart> void runAndShow(ExecutionEvent event, String viewId,
            BiFunction<List<IResource>, Consumer<R>, Job> job, BiConsumer<V, R> show) {
        List<IResource> resources = selected(event);
        if (resources.isEmpty()) {
            return;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Display display = window.getShell().getDisplay();
        job.apply(resources, result -> display
                .asyncExec(() -> showIn(window, viewId, (V view) -> show.accept(view, result)))).schedule();
    }

    /** Opens (or brings up) the view {@code id} in {@code window} and hands it to {@code show}; call on the UI thread. */
    @SuppressWarnings("unchecked")
    static <V extends IViewPart> void showIn(IWorkbenchWindow window, String id, Consumer<V> show) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return;
        }
        try {
            show.accept((V) page.showView(id));
        } catch (PartInitException e) {
            NoveltyLensPlugin.log(e.getMessage(), e);
        }
    }
}

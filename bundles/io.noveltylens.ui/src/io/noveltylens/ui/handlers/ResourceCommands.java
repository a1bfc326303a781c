package io.noveltylens.ui.handlers;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** What the commands on Project Explorer resources share: the selected resources, and a view to show results in. */
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

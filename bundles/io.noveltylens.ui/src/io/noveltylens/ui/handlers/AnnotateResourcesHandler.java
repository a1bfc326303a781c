package io.noveltylens.ui.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Annotate with Novelty Lens, on files, folders and projects: runs an {@link AnnotateJob} and shows its results. */
public final class AnnotateResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
            return null;
        }
        List<IResource> resources = ((List<?>) selection.toList()).stream()
                .map(element -> Adapters.adapt(element, IResource.class)).filter(resource -> resource != null).toList();
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Display display = window.getShell().getDisplay();
        new AnnotateJob(resources, NoveltyLensPlugin.getDefault().getEngineService(),
                results -> display.asyncExec(() -> showResults(window, results))).schedule();
        return null;
    }

    private static void showResults(IWorkbenchWindow window, List<AnnotatedPassage> results) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return;
        }
        try {
            ((AnnotationResultsView) page.showView(AnnotationResultsView.ID)).setResults(results);
        } catch (PartInitException e) {
            NoveltyLensPlugin.log(e.getMessage(), e);
        }
    }
}

package io.noveltylens.ui.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Annotate with Novelty Lens, on files, folders and projects: runs an {@link AnnotateJob} and shows its results. */
public final class AnnotateResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<IResource> resources = ResourceCommands.selected(event);
        if (resources.isEmpty()) {
            return null;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Display display = window.getShell().getDisplay();
        new AnnotateJob(resources, NoveltyLensPlugin.getDefault().getEngineService(),
                results -> display.asyncExec(() -> ResourceCommands.showIn(window, AnnotationResultsView.ID,
                        (AnnotationResultsView view) -> view.setResults(results))))
                .schedule();
        return null;
    }
}

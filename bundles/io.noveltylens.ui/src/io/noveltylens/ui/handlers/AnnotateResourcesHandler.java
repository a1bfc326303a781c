package io.noveltylens.ui.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * Annotate with Novelty Lens, on files, folders and projects: brings up the results view, which shows the rows of an
 * {@link AnnotateJob} as it goes.
 */
public final class AnnotateResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<IResource> resources = ResourceCommands.selected(event);
        if (resources.isEmpty()) {
            return null;
        }
        NoveltyLensPlugin plugin = NoveltyLensPlugin.getDefault();
        ResourceCommands.showIn(HandlerUtil.getActiveWorkbenchWindow(event), AnnotationResultsView.ID,
                (AnnotationResultsView view) -> new AnnotateJob(resources, plugin.getEngineService(),
                        view.startRun(), AnnotateJob.resultsDir(plugin)).schedule());
        return null;
    }
}

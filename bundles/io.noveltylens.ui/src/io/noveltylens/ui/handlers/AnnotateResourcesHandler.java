package io.noveltylens.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Annotate with Novelty Lens, on files, folders and projects: runs an {@link AnnotateJob} and shows its results. */
public final class AnnotateResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        ResourceCommands.runAndShow(event, AnnotationResultsView.ID,
                (resources, done) -> new AnnotateJob(resources, NoveltyLensPlugin.getDefault().getEngineService(),
                        done),
                AnnotationResultsView::setResults);
        return null;
    }
}

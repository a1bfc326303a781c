package io.noveltylens.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.CompareJob;
import io.noveltylens.ui.annotate.ComparisonView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Compare with Novelty Lens, on two or more files, folders or projects: each one is a group. */
public final class CompareResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        ResourceCommands.runAndShow(event, ComparisonView.ID,
                (resources, done) -> new CompareJob(resources, NoveltyLensPlugin.getDefault().getEngineService(), done,
                        AnnotateJob.resultsDir(NoveltyLensPlugin.getDefault())),
                ComparisonView::setResult);
        return null;
    }
}

package io.noveltylens.ui.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.ui.annotate.CompareJob;
import io.noveltylens.ui.annotate.ComparisonView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Compare with Novelty Lens, on two or more files, folders or projects: each one is a group. */
public final class CompareResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<IResource> resources = ResourceCommands.selected(event);
        if (resources.isEmpty()) {
            return null;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Display display = window.getShell().getDisplay();
        new CompareJob(resources, NoveltyLensPlugin.getDefault().getEngineService(),
                result -> display.asyncExec(() -> ResourceCommands.showIn(window, ComparisonView.ID,
                        (ComparisonView view) -> view.setResult(result))))
                .schedule();
        return null;
    }
}

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

import io.noveltylens.ui.annotate.CompareJob;
import io.noveltylens.ui.annotate.ComparisonResult;
import io.noveltylens.ui.annotate.ComparisonView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Compare with Novelty Lens, on two or more files, folders or projects: each one is a group. */
public final class CompareResourcesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
            return null;
        }
        List<IResource> resources = ((List<?>) selection.toList()).stream()
                .map(element -> Adapters.adapt(element, IResource.class)).filter(resource -> resource != null).toList();
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Display display = window.getShell().getDisplay();
        new CompareJob(resources, NoveltyLensPlugin.getDefault().getEngineService(),
                result -> display.asyncExec(() -> show(window, result))).schedule();
        return null;
    }

    private static void show(IWorkbenchWindow window, ComparisonResult result) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return;
        }
        try {
            ((ComparisonView) page.showView(ComparisonView.ID)).setResult(result);
        } catch (PartInitException e) {
            NoveltyLensPlugin.log(e.getMessage(), e);
        }
    }
}

package io.noveltylens.ide.demo;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Path;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The README's demo on a throw-away workspace. With {@code -Dnoveltylens.demo.open=/PROJECT/FILE}: makes PROJECT a
 * project of the workspace (its folder inside the workspace is already filled by releng/run-ide.sh; a workspace only
 * knows the projects it has been told about), opens FILE in its editor, shows the Novelty view and selects the first
 * paragraph, which the view then analyses (live mode is the default).
 */
public final class SampleWorkspace implements IStartup {

    static final String OPEN_PROPERTY = "noveltylens.demo.open";

    /** io.noveltylens.ui.view.NoveltyView.ID; by name, so that this bundle does not depend on the plug-in's internals. */
    static final String NOVELTY_VIEW_ID = "io.noveltylens.ui.noveltyView";

    private static final ILog LOG = ILog.of(SampleWorkspace.class);

    @Override
    public void earlyStartup() {
        String open = System.getProperty(OPEN_PROPERTY);
        if (open == null) {
            return;
        }
        try {
            IFile file = importProjectOf(new Path(open));
            IWorkbench workbench = PlatformUI.getWorkbench();
            workbench.getDisplay().asyncExec(() -> show(workbench, file));
        } catch (CoreException | IllegalArgumentException e) {
            LOG.error("Novelty Lens demo: cannot open " + open, e);
        }
    }

    /** Creates (first start) and opens the project that holds {@code path}, and returns the file. */
    private static IFile importProjectOf(Path path) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IFile file = workspace.getRoot().getFile(path);
        IProject project = file.getProject();
        workspace.run(monitor -> {
            if (!project.exists()) {
                project.create(monitor); // default location: the folder of that name inside the workspace
            }
            project.open(monitor);
            project.refreshLocal(IResource.DEPTH_INFINITE, monitor);
        }, project, IWorkspace.AVOID_UPDATE, null);
        return file;
    }

    private static void show(IWorkbench workbench, IFile file) {
        try {
            IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
            // room for the editor and the view's readouts side by side; bounds rather than setMaximized, which needs
            // a window manager (there is none under Xvfb)
            window.getShell().setBounds(window.getShell().getMonitor().getClientArea());
            IWorkbenchPage page = window.getActivePage();
            page.showView(NOVELTY_VIEW_ID);
            IEditorPart editor = IDE.openEditor(page, file);
            if (editor instanceof ITextEditor text) {
                IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
                String content = document.get();
                int end = content.indexOf("\n\n");
                text.selectAndReveal(0, end < 0 ? content.length() : end);
            }
        } catch (CoreException e) {
            LOG.error("Novelty Lens demo: cannot show " + file.getFullPath(), e);
        }
    }
}

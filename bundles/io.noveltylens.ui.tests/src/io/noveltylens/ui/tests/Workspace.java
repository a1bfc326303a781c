package io.noveltylens.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** Workspace fixtures: projects with text files, opened in the text editor. */
final class Workspace {

    private Workspace() {
    }

    static IProject project(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        return project;
    }

    static IFile file(IProject project, String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        ByteArrayInputStream contents = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(contents, true, false, null);
        } else {
            file.create(contents, true, null);
        }
        file.setCharset("UTF-8", null);
        return file;
    }

    static ITextEditor open(IFile file) throws PartInitException {
        return (ITextEditor) IDE.openEditor(page(), file, "org.eclipse.ui.DefaultTextEditor");
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }
}

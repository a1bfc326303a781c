package io.noveltylens.ui.view;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.ui.Messages;

/**
 * Opens a passage's source at the passage: a workspace file in its own editor, any other file (the shipped corpus,
 * a folder outside the workspace) read-only in the text editor.
 */
public final class PassageOpener {

    private static final String TEXT_EDITOR_ID = "org.eclipse.ui.DefaultTextEditor"; //$NON-NLS-1$

    private PassageOpener() {
    }

    /** @param file the source, already resolved to an absolute path */
    public static void open(IWorkbenchPage page, Path file, Provenance provenance) throws PartInitException {
        if (!Files.isReadable(file)) {
            throw new PartInitException(NLS.bind(Messages.PassageOpener_sourceMissing, file));
        }
        IFile[] workspaceFiles = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri());
        IEditorPart editor = workspaceFiles.length > 0 && workspaceFiles[0].exists()
                ? IDE.openEditor(page, workspaceFiles[0])
                : IDE.openEditor(page, new ReadOnlyFileEditorInput(file), TEXT_EDITOR_ID);
        if (editor instanceof ITextEditor textEditor) {
            reveal(textEditor, provenance);
        }
    }

    public static void reveal(ITextEditor editor, Provenance provenance) {
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (document == null) {
            return;
        }
        if (provenance.endOffset() <= document.getLength()) {
            editor.selectAndReveal(provenance.startOffset(), provenance.endOffset() - provenance.startOffset());
            return;
        }
        // offsets of a source that changed since indexing no longer fit: fall back to the recorded line
        try {
            IRegion line = document.getLineInformation(Math.min(provenance.line(), document.getNumberOfLines()) - 1);
            editor.selectAndReveal(line.getOffset(), line.getLength());
        } catch (BadLocationException e) {
            editor.selectAndReveal(0, 0);
        }
    }
}

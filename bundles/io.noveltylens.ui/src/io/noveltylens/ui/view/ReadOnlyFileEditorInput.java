package io.noveltylens.ui.view;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;

/**
 * A corpus file outside the workspace (such as the shipped corpus), opened read-only: text editors give storage
 * inputs a read-only document, so a writer cannot edit the reference corpus by accident.
 */
final class ReadOnlyFileEditorInput extends PlatformObject implements IStorageEditorInput {

    private final Path file;

    ReadOnlyFileEditorInput(Path file) {
        this.file = file;
    }

    @Override
    public IStorage getStorage() {
        return new FileStorage();
    }

    @Override
    public boolean exists() {
        return Files.isReadable(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return file.getFileName().toString();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return file.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadOnlyFileEditorInput input && input.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    private final class FileStorage extends PlatformObject implements IStorage {

        @Override
        public InputStream getContents() throws CoreException {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new CoreException(Status.error(e.getMessage(), e));
            }
        }

        @Override
        public IPath getFullPath() {
            return IPath.fromPath(file);
        }

        @Override
        public String getName() {
            return ReadOnlyFileEditorInput.this.getName();
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }
    }
}

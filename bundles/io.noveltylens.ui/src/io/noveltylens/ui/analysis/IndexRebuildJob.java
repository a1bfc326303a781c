package io.noveltylens.ui.analysis;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.ui.Messages;

/**
 * Builds the index of the user's corpus sources with the configured model. Core builds into a new generation and
 * publishes it only when complete, so cancelling leaves the previous index in use. On success the engine is reloaded
 * so that the next analysis uses the new index.
 */
public final class IndexRebuildJob extends Job {

    private final Path modelDir;
    private final Path cacheDir;
    private final List<Path> sources;
    private final Path indexRoot;
    private final IndexSettings settings;
    private final EngineService engines;

    public IndexRebuildJob(Path modelDir, Path cacheDir, List<Path> sources, Path indexRoot, IndexSettings settings,
            EngineService engines) {
        super(Messages.IndexRebuildJob_name);
        this.modelDir = modelDir;
        this.cacheDir = cacheDir;
        this.sources = List.copyOf(sources);
        this.indexRoot = indexRoot;
        this.settings = settings;
        this.engines = engines;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            MonitorProgress progress = new MonitorProgress(monitor);
            progress.begin(Messages.IndexRebuildJob_loadingModel, IProgressMonitor.UNKNOWN);
            ModelDescriptor model = ModelDescriptor.load(modelDir);
            try (OnnxEmbedder embedder = OnnxEmbedder.open(model, cacheDir)) {
                IndexMetadata built = new IndexBuilder(embedder, settings).build(sources, indexRoot, progress);
                engines.reload();
                return Status.info(NLS.bind(Messages.IndexRebuildJob_done, built.passages()));
            }
        } catch (NoveltyException e) {
            return Status.error(e.getMessage(), e);
        } catch (CancelledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.INDEX_BUILD;
    }
}

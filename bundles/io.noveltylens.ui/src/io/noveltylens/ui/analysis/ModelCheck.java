package io.noveltylens.ui.analysis;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.operation.IRunnableWithProgress;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.ui.Messages;

/**
 * Tries a custom model before the preference page stores it: core loads it (which checks the files and the graph and
 * reads the dimension) and embeds a test sentence, so a wrong file or pooling shows up on Apply, not at the first
 * analysis.
 */
public final class ModelCheck implements IRunnableWithProgress {

    private static final String TEST_SENTENCE = "The quick brown fox jumps over the lazy dog."; //$NON-NLS-1$

    private final IPreferenceStore settings;
    private final EngineConfigFactory configs;
    private NoveltyException error;
    private int dimension;

    public ModelCheck(IPreferenceStore settings, EngineConfigFactory configs) {
        this.settings = settings;
        this.configs = configs;
    }

    @Override
    public void run(IProgressMonitor monitor) {
        monitor.beginTask(Messages.ModelCheck_task, IProgressMonitor.UNKNOWN);
        try {
            ModelDescriptor model = ModelDescriptor.load(CustomModelFolder.write(settings, configs.modelCheckDir()),
                    configs.cacheDir());
            try (OnnxEmbedder embedder = OnnxEmbedder.open(model, configs.cacheDir())) {
                dimension = embedder.embedQuery(TEST_SENTENCE).unit().length;
            }
        } catch (NoveltyException e) {
            error = e;
        } finally {
            monitor.done();
        }
    }

    /** The failure, with core's message that says what to fix; null when the model works. */
    public NoveltyException error() {
        return error;
    }

    public int dimension() {
        return dimension;
    }
}

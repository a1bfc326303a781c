package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
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
public final class ModelCheck extends SettingsCheck {

    private static final String TEST_SENTENCE = "The quick brown fox jumps over the lazy dog."; //$NON-NLS-1$

    private final IPreferenceStore settings;
    private final EngineConfigFactory configs;
    private int dimension;

    public ModelCheck(IPreferenceStore settings, EngineConfigFactory configs) {
        super(Messages.ModelCheck_task, IProgressMonitor.UNKNOWN);
        this.settings = settings;
        this.configs = configs;
    }

    @Override
    protected void check(SubMonitor progress) throws NoveltyException {
        ModelDescriptor model = ModelDescriptor.load(CustomModelFolder.write(settings, configs.modelCheckDir()),
                configs.cacheDir());
        try (OnnxEmbedder embedder = OnnxEmbedder.open(model, configs.cacheDir())) {
            dimension = embedder.embedQuery(TEST_SENTENCE).unit().length;
        }
    }

    public int dimension() {
        return dimension;
    }
}

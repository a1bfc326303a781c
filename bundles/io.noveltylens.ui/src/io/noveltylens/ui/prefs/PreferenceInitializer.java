package io.noveltylens.ui.prefs;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Writes the defaults into the default scope; the user's choices live in the instance scope above them. */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(NoveltyLensPlugin.PLUGIN_ID);
        defaults.put(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED);
        defaults.put(NoveltyLensPreferences.MODEL_ONNX, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.MODEL_TOKENIZER, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.MODEL_POOLING, "MEAN"); //$NON-NLS-1$
        defaults.putBoolean(NoveltyLensPreferences.MODEL_NORMALIZE, true);
        // sentence-transformers' own limit for MiniLM; the ONNX graphs of BERT-style models accept at most 512
        defaults.putInt(NoveltyLensPreferences.MODEL_MAX_TOKENS, 256);
        defaults.put(NoveltyLensPreferences.MODEL_QUERY_PREFIX, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.MODEL_PASSAGE_PREFIX, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SHIPPED);
        defaults.put(NoveltyLensPreferences.INDEX_DIR, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.CORPUS_SOURCES, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.INCLUDE_PATTERNS, "*.txt, *.md, *.tex"); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.EXCLUDE_PATTERNS, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.SOLR_ADDRESS, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.SOLR_COLLECTION, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.SOLR_USER, ""); //$NON-NLS-1$
        defaults.put(NoveltyLensPreferences.SOLR_TRUST_STORE, ""); //$NON-NLS-1$
        // k = 10 is what the density percentiles of the shipped index were calibrated with (docs/design.md section 3)
        defaults.putInt(NoveltyLensPreferences.NEIGHBOURS_K, 10);
        // the hull readouts follow the fast ones within this time (docs/benchmarks.md measures what it decides)
        defaults.putInt(NoveltyLensPreferences.HULL_BUDGET_MILLIS, (int) EngineConfig.DEFAULT_HULL_BUDGET.toMillis());
        // markup, front matter, code and citations out, quotations in: a writer's own choice (docs/readouts.md)
        for (Exclusion exclusion : Exclusion.values()) {
            defaults.putBoolean(NoveltyLensPreferences.exclusionKey(exclusion),
                    Exclusions.DEFAULT.excludes(exclusion));
        }
        defaults.putBoolean(NoveltyLensPreferences.LIVE_MODE, true);
        defaults.putInt(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 400);
        defaults.put(NoveltyLensPreferences.DRAFTS_FOLDER, ""); //$NON-NLS-1$
    }
}

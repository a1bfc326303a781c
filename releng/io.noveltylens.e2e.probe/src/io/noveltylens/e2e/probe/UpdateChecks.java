package io.noveltylens.e2e.probe;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPersistentPreferenceStore;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * The probe's part in the end-to-end update test (releng/e2e-update-test.sh): in the previous release, the settings a
 * user makes (a corpus folder of their own, a number of neighbours other than the default), whose index the IDE then
 * builds; after the update, that they are kept, and that the index an older version wrote answers while the visible
 * upgrade job rebuilds it.
 */
final class UpdateChecks {

    /** Not the default (10), so that a reset to defaults shows. */
    static final int NEIGHBOURS = 7;

    private final Path corpus;
    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
    private final EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();

    UpdateChecks(Path corpus) {
        this.corpus = corpus;
    }

    /** As the preference page's Apply does: the change schedules the build of the corpus's index. */
    void configure(ProbeReport report) {
        store.setValue(NoveltyLensPreferences.NEIGHBOURS_K, NEIGHBOURS);
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, corpus.toString());
        try {
            ((IPersistentPreferenceStore) store).save();
            report.info("preferences set: corpus " + corpus + ", " + NEIGHBOURS + " neighbours");
        } catch (java.io.IOException e) {
            report.check(false, "preferences saved: " + e);
        }
    }

    void checkKept(ProbeReport report) {
        report.check(store.getInt(NoveltyLensPreferences.NEIGHBOURS_K) == NEIGHBOURS
                && NoveltyLensPreferences.SOURCES.equals(store.getString(NoveltyLensPreferences.CORPUS_CHOICE))
                && corpus.toString().equals(store.getString(NoveltyLensPreferences.CORPUS_SOURCES)),
                "preferences kept by the update: " + store.getString(NoveltyLensPreferences.CORPUS_CHOICE) + " "
                        + store.getString(NoveltyLensPreferences.CORPUS_SOURCES) + ", "
                        + store.getInt(NoveltyLensPreferences.NEIGHBOURS_K) + " neighbours");
    }

    /** When the first answer is on show: it came from the old index, while the upgrade job runs. */
    void checkUpgrading(ProbeReport report) {
        List<String> jobs = Arrays.stream(Job.getJobManager().find(JobFamilies.INDEX_BUILD)).map(Job::getName)
                .toList();
        report.check(jobs.size() == 1 && jobs.get(0).startsWith("Upgrading the Novelty Lens index from format "),
                "the upgrade runs as a visible job while the view answers: " + jobs);
        report.check(engines.state() instanceof EngineState.Rebuilding rebuilding && rebuilding.previousAnswers(),
                "the engine answers from the old index meanwhile: " + engines.state());
    }

    boolean upgradeDone() {
        return Job.getJobManager().find(JobFamilies.INDEX_BUILD).length == 0
                && engines.state() instanceof EngineState.Ready;
    }

    void checkUpgraded(ProbeReport report) {
        try {
            IndexMetadata index = LuceneCorpusIndex.readMetadata(engines.configs().builtIndexDir());
            report.check(index.formatVersion() == IndexMetadata.FORMAT_VERSION,
                    "the index is upgraded to format " + index.formatVersion() + ": " + index.passages()
                            + " passages, " + index.embedded() + " embedded anew, in " + index.buildMillis() + " ms");
        } catch (NoveltyException e) {
            report.check(false, "the upgraded index opens: " + e.getMessage());
        }
    }
}

package io.noveltylens.e2e.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.preference.IPersistentPreferenceStore;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.density.DensityReadout;
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
 * builds; after the update, that they are kept, that the index an older version wrote answered (its percentiles
 * against its passages: no calibration) while a visible upgrade job rebuilt it, and that the view then answers from
 * the upgraded index (calibrated). What the job and the engine did is recorded as it happens, so the checks do not
 * depend on which of the first answer and the end of a small corpus's upgrade comes first.
 */
final class UpdateChecks {

    /** Not the default (10), so that a reset to defaults shows. */
    static final int NEIGHBOURS = 7;

    private final Path corpus;
    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
    private final EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();
    private final List<String> indexJobs = new CopyOnWriteArrayList<>();
    private final List<String> engineStates = new CopyOnWriteArrayList<>();
    /** The engine was ready after a rebuild: the upgraded index answers from then on. */
    private volatile boolean upgradeEnded;

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

    /** Records every index job that ends, with its result, and every state of the engine, from now on. */
    void watch() {
        Job.getJobManager().addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (event.getJob().belongsTo(JobFamilies.INDEX_BUILD)) {
                    IStatus result = event.getResult();
                    indexJobs.add(event.getJob().getName() + " -> " + (result.isOK() ? "OK"
                            : result.getSeverity() == IStatus.INFO ? result.getMessage() : "not OK: " + result));
                }
            }
        });
        engines.addListener(state -> {
            String name = state instanceof EngineState.Rebuilding rebuilding
                    ? "Rebuilding(previous answers " + rebuilding.previousAnswers() + ")"
                    : state.getClass().getSimpleName();
            // a rebuild reports each percent: one entry for a run of the same state
            if (engineStates.isEmpty() || !engineStates.get(engineStates.size() - 1).equals(name)) {
                engineStates.add(name);
            }
            if (state instanceof EngineState.Ready && engineStates.stream().anyMatch(s -> s.startsWith("Rebuilding"))) {
                upgradeEnded = true;
            }
        });
    }

    void checkKept(ProbeReport report) {
        report.check(store.getInt(NoveltyLensPreferences.NEIGHBOURS_K) == NEIGHBOURS
                && NoveltyLensPreferences.SOURCES.equals(store.getString(NoveltyLensPreferences.CORPUS_CHOICE))
                && corpus.toString().equals(store.getString(NoveltyLensPreferences.CORPUS_SOURCES)),
                "preferences kept by the update: " + store.getString(NoveltyLensPreferences.CORPUS_CHOICE) + " "
                        + store.getString(NoveltyLensPreferences.CORPUS_SOURCES) + ", "
                        + store.getInt(NoveltyLensPreferences.NEIGHBOURS_K) + " neighbours");
    }

    /**
     * The first answer after the update came from the index the previous release built: its percentile is against
     * the corpus's passages, as an index without this version's calibration reads; an answer from the upgraded index
     * would be calibrated, and one of a replaced engine never reaches the view. When the upgrade of the small corpus
     * ended before the first answer (a fast machine), that answer is calibrated, and the engine's recorded states show
     * that it answered from the old index meanwhile ({@link #checkUpgraded}).
     */
    void checkFirstAnswer(ProbeReport report, NoveltyReport first) {
        boolean fromOldIndex = DensityReadout.CORPUS_PASSAGES.equals(first.density().comparedWith());
        if (!fromOldIndex && upgradeEnded) {
            report.info("the upgrade ended before the first answer, which came from the upgraded index (percentile "
                    + "against " + first.density().comparedWith() + ")");
        } else {
            report.check(fromOldIndex, "the first answer came from the old index (percentile against "
                    + first.density().comparedWith() + ")");
        }
        report.check(first.neighbours().size() == NEIGHBOURS,
                "it lists the " + NEIGHBOURS + " neighbours set before the update: " + first.neighbours().size());
    }

    boolean upgradeDone() {
        return Job.getJobManager().find(JobFamilies.INDEX_BUILD).length == 0
                && engines.state() instanceof EngineState.Ready;
    }

    void checkUpgraded(ProbeReport report, NoveltyReport last) {
        report.check(indexJobs.size() == 1
                && indexJobs.get(0).startsWith("Upgrading the Novelty Lens index from format 2 to "
                        + IndexMetadata.FORMAT_VERSION)
                && indexJobs.get(0).contains("index upgraded"), "one visible upgrade job ran: " + indexJobs);
        report.check(engineStates.contains("Rebuilding(previous answers true)"),
                "the engine answered from the old index while it ran: " + engineStates);
        report.check(!DensityReadout.CORPUS_PASSAGES.equals(last.density().comparedWith()),
                "the answer after the upgrade is calibrated: percentile against " + last.density().comparedWith());
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

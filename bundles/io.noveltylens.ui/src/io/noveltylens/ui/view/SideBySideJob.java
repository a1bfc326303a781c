package io.noveltylens.ui.view;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.PassageInContext;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.SharedRuns;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.JobFamilies;

/**
 * Reads a corpus passage's source for its context and finds the runs it shares with the analysed text: file reading
 * (a corpus file may be tens of megabytes), so never on the UI thread.
 */
final class SideBySideJob extends Job {

    private final String text;
    private final Neighbour neighbour;
    private final Path source;
    private final Consumer<SideBySideReading> done;

    /** @param source the passage's first source, resolved to a file; {@code done} runs in the job's thread */
    SideBySideJob(String text, Neighbour neighbour, Path source, Consumer<SideBySideReading> done) {
        super(Messages.SideBySideJob_name);
        this.text = text;
        this.neighbour = neighbour;
        this.source = source;
        this.done = done;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        PassageInContext context = null;
        NoveltyException failure = null;
        Provenance where = neighbour.sources().get(0);
        try {
            // the splitter the IDE's index builds use (EngineConfigFactory), so the passages are those indexed
            context = PassageInContext.read(new CorpusReader(
                    new PassageSplitter(IndexSettings.defaults().maxPassageWords()),
                    IndexSettings.defaults().maxFileBytes()), source, where);
        } catch (NoveltyException e) {
            failure = e;
        }
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        String passage = context != null ? context.passage().text() : neighbour.text();
        done.accept(new SideBySideReading(text, SharedRuns.in(text, passage), neighbour, context,
                SharedRuns.in(passage, text), failure));
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.SIDE_BY_SIDE;
    }
}

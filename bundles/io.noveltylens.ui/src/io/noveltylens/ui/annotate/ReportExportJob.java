package io.noveltylens.ui.annotate;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.report.ComparisonReport;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.format.FailureText;

/** Writes a comparison's report (core's page, the one {@code novelty compare --out} writes), off the UI thread. */
public final class ReportExportJob extends Job {

    private final ComparisonResult result;
    private final Path file;

    public ReportExportJob(ComparisonResult result, Path file) {
        super(NLS.bind(Messages.ReportExportJob_name, file.getFileName()));
        this.result = result;
        this.file = file;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            new ComparisonReport(result.run(), result.groups(), result.comparison(), result.plane()).write(file);
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            return Status.error(FailureText.of(e), e);
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.ANNOTATION;
    }
}

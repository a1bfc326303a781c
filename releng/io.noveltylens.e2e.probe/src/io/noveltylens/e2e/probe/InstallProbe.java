package io.noveltylens.e2e.probe;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.PlatformUI;

/**
 * Entry point of the end-to-end install test, run by the workbench once it is up. Does nothing unless
 * {@value #REPORT_PROPERTY} names the report file, so that the bundle is harmless wherever it ends up.
 */
public final class InstallProbe implements IStartup {

    /** Where to write the report: one check per line, the last line {@code result PASS} or {@code result FAIL}. */
    static final String REPORT_PROPERTY = "noveltylens.e2e.report";

    /**
     * Where to save a PNG of the workbench window once the Novelty view shows its report; NAME-view.png beside it
     * shows the view maximized.
     */
    static final String SCREENSHOT_PROPERTY = "noveltylens.e2e.screenshot";

    /** Which run of the update test this is ({@link Phase}, lower case); unset in the install test. */
    static final String PHASE_PROPERTY = "noveltylens.e2e.phase";

    /** The folder the update test's user indexes, in the previous release: a file holding the Austen sentence. */
    static final String CORPUS_PROPERTY = "noveltylens.e2e.corpus";

    /** The install test; the previous release of the update test, where the user sets up; the updated release. */
    enum Phase {
        INSTALLED, PREVIOUS, UPDATED
    }

    @Override
    public void earlyStartup() {
        String report = System.getProperty(REPORT_PROPERTY);
        if (report == null) {
            return;
        }
        String screenshot = System.getProperty(SCREENSHOT_PROPERTY);
        Phase phase = Phase.valueOf(System.getProperty(PHASE_PROPERTY, "installed").toUpperCase(Locale.ROOT));
        String corpus = System.getProperty(CORPUS_PROPERTY);
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> new ProbeRun(display, Path.of(report), screenshot == null ? null : Path.of(screenshot),
                phase, corpus == null ? null : Path.of(corpus)).start());
    }
}

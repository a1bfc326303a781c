package io.noveltylens.e2e.probe;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * One probe run, entirely on the display thread: open the Novelty view, analyse the first sentence of Pride and
 * Prejudice on the shipped model and corpus, check what a user relies on, save a screenshot, write the report and
 * close the workbench. In the update test ({@link UpdateChecks}) the corpus is a folder of the user's holding that
 * sentence: in the previous release the probe chooses it, after the update it checks the settings and the upgrade. Waiting is done by timers on the event loop (the workbench must keep painting), polling the
 * view and the analysis job family, with one overall deadline.
 */
final class ProbeRun {

    /** Pride and Prejudice, chapter 1: a passage of the default corpus, so its nearest neighbour is known. */
    static final String AUSTEN = "It is a truth universally acknowledged, that a single man in possession of a good fortune, "
            + "must be in want of a wife.";

    /** Generous for a cold 2-core CI machine: loading the model and opening the 65k-passage index take most of it. */
    private static final long DEADLINE_MILLIS = 180_000;
    private static final int POLL_MILLIS = 250;
    private static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

    private static final String[] NOVELTY_LENS_BUNDLES = { "io.noveltylens.core", "io.noveltylens.ui",
            "io.noveltylens.model.minilm", "io.noveltylens.corpus.default" };
    /**
     * In this release (not in the previous one of the update test, which may have wrapped the two jars whole): ONNX
     * Runtime and DJL's tokenizers and the fragments of their natives for this IDE's platform (bundles/repackaged).
     */
    private static final String[] REPACKAGED_BUNDLES = { "io.noveltylens.onnxruntime",
            "io.noveltylens.onnxruntime.linux.x86_64", "io.noveltylens.tokenizers",
            "io.noveltylens.tokenizers.linux.x86_64" };
    /**
     * Not in this release's Linux x86-64 default install: the other platforms' natives (p2 installs the fragment whose
     * os and arch match) and the optional int8 model (its own feature).
     */
    private static final String[] NOT_INSTALLED = { "io.noveltylens.onnxruntime.linux.aarch64",
            "io.noveltylens.onnxruntime.macosx.aarch64", "io.noveltylens.onnxruntime.win32.x86_64",
            "io.noveltylens.tokenizers.linux.aarch64", "io.noveltylens.tokenizers.macosx.aarch64",
            "io.noveltylens.tokenizers.win32.x86_64", "io.noveltylens.model.minilm.int8" };
    /** Shipped as folders (Eclipse-BundleShape: dir) so that the engine reads the model and the index in place. */
    private static final String[] FOLDER_BUNDLES = { "io.noveltylens.model.minilm", "io.noveltylens.corpus.default" };

    private final Display display;
    private final Path reportFile;
    private final Path screenshotFile;
    private final ProbeReport report = new ProbeReport();
    private final List<String> loggedErrors = new ArrayList<>();
    private final ILogListener logListener = this::logged;
    private final long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
    private final InstallProbe.Phase phase;
    private final UpdateChecks update;

    ProbeRun(Display display, Path reportFile, Path screenshotFile, InstallProbe.Phase phase, Path corpus) {
        this.display = display;
        this.reportFile = reportFile;
        this.screenshotFile = screenshotFile;
        this.phase = phase;
        this.update = phase == InstallProbe.Phase.INSTALLED ? null : new UpdateChecks(corpus);
    }

    void start() {
        try {
            Platform.addLogListener(logListener);
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            // Xvfb has no window manager: give the window a size, so that the screenshot shows a usable layout
            shell.setBounds(0, 0, 1280, 900);
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            IViewPart part = page.showView(NoveltyView.ID);
            report.check(part instanceof NoveltyView,
                    "view " + NoveltyView.ID + " opens: " + part.getClass().getName());
            checkBundles();
            HelpCheck.run(report);
            if (part instanceof NoveltyView view) {
                switch (phase) {
                    case INSTALLED -> analyze(view, null, true, this::finish);
                    case PREVIOUS -> {
                        update.configure(report);
                        analyze(view, null, true, this::finish);
                    }
                    case UPDATED -> {
                        update.checkKept(report);
                        update.watch();
                        // the previous run left the view maximized: restored, the Progress view shows the upgrade
                        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
                        page.showView(PROGRESS_VIEW);
                        page.activate(view);
                        // the upgrade of a small corpus can end before the hull readouts of the old index arrive
                        analyze(view, null, false, () -> afterFirstAnswer(view));
                    }
                }
            } else {
                finish();
            }
        } catch (PartInitException | RuntimeException e) {
            report.check(false, "probe: " + e);
            finish();
        }
    }

    /** Every bundle of the runtime is wired (none left INSTALLED), ours are there and the UI bundle has started. */
    private void checkBundles() {
        List<String> unresolved = new ArrayList<>();
        for (Bundle bundle : FrameworkUtil.getBundle(ProbeRun.class).getBundleContext().getBundles()) {
            if (bundle.getState() == Bundle.INSTALLED) {
                unresolved.add(bundle.getSymbolicName() + '_' + bundle.getVersion());
            }
        }
        report.check(unresolved.isEmpty(), "all bundles resolved; unresolved: " + unresolved);
        List<String> installed = new ArrayList<>(List.of(NOVELTY_LENS_BUNDLES));
        if (phase != InstallProbe.Phase.PREVIOUS) {
            installed.addAll(List.of(REPACKAGED_BUNDLES));
        }
        for (String id : installed) {
            Bundle bundle = Platform.getBundle(id);
            report.check(
                    bundle != null && (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                    "bundle " + id + ' '
                            + (bundle == null ? "missing" : bundle.getVersion() + " " + stateName(bundle)));
        }
        for (String id : phase == InstallProbe.Phase.PREVIOUS ? new String[0] : NOT_INSTALLED) {
            Bundle bundle = Platform.getBundle(id);
            report.check(bundle == null, "bundle " + id + " not installed"
                    + (bundle == null ? "" : ": it is, " + bundle.getVersion() + " " + stateName(bundle)));
        }
        Bundle ui = Platform.getBundle("io.noveltylens.ui");
        report.check(ui != null && ui.getState() == Bundle.ACTIVE, "io.noveltylens.ui started (its activator ran)");
        for (String id : FOLDER_BUNDLES) {
            Bundle bundle = Platform.getBundle(id);
            File location = bundle == null ? null : FileLocator.getBundleFileLocation(bundle).orElse(null);
            report.check(location != null && location.isDirectory(),
                    "bundle " + id + " installed as a folder: " + location);
        }
    }

    /**
     * Analyses the Austen sentence, then checks the report and runs {@code then}; done when a report other than
     * {@code previous} is on show (with its hull readouts if {@code complete}), or at once when the engine cannot
     * load (no point in waiting).
     */
    private void analyze(NoveltyView view, NoveltyReport previous, boolean complete, Runnable then) {
        view.analyze(AUSTEN);
        waitUntil(() -> hasReport(view, previous, complete) || engineFailed(), () -> {
            if (checkReport(view, complete)) {
                then.run();
            } else {
                finish();
            }
        }, () -> report.check(false, "analysis of the Austen sentence within " + DEADLINE_MILLIS / 1000
                + " s; the view shows: " + view.emptyStateTitle()));
    }

    /**
     * After the update: the first answer came from the index the previous release built (screenshot, with the upgrade
     * job in the Progress view if it still runs); once the upgrade is done, the view answers from the upgraded index.
     */
    private void afterFirstAnswer(NoveltyView view) {
        NoveltyReport first = view.reportPage().report();
        update.checkFirstAnswer(report, first);
        try {
            saveScreenshot(screenshotFile.resolveSibling("updated-upgrading.png"));
            report.info("screenshot " + screenshotFile.resolveSibling("updated-upgrading.png"));
        } catch (IOException | RuntimeException e) {
            report.check(false, "screenshot: " + e);
        }
        waitUntil(update::upgradeDone, () -> analyze(view, first, true, () -> {
            update.checkUpgraded(report, view.reportPage().report());
            finish();
        }), () -> report.check(false, "the upgrade within " + DEADLINE_MILLIS / 1000 + " s"));
    }

    /**
     * The view shows a report of the sentence other than {@code previous}: its fast readouts, or with {@code complete}
     * its hull readouts too and no analysis running any more.
     */
    private static boolean hasReport(NoveltyView view, NoveltyReport previous, boolean complete) {
        NoveltyReport shown = view.reportPage().report();
        return shown != null && shown != previous && AUSTEN.equals(shown.text().strip()) && (!complete
                || shown.hull() != null && Job.getJobManager().find(JobFamilies.ANALYSIS).length == 0);
    }

    private static boolean engineFailed() {
        return NoveltyLensPlugin.getDefault().getEngineService().state() instanceof EngineState.Failed;
    }

    /** Whether the engine loaded and the report is what the sentence must get (with its hull if {@code complete}). */
    private boolean checkReport(NoveltyView view, boolean complete) {
        if (NoveltyLensPlugin.getDefault().getEngineService().state() instanceof EngineState.Failed failed) {
            report.check(false, "the engine loads the model and corpus: " + failed.error().getMessage());
            return false;
        }
        NoveltyReport shown = view.reportPage().report();
        report.info("analysis took " + shown.fastMillis() + " ms (fast phase, after loading)");
        Neighbour nearest = shown.neighbours().isEmpty() ? null : shown.neighbours().get(0);
        String source = nearest == null || nearest.sources().isEmpty() ? "none" : nearest.sources().get(0).source();
        report.check(nearest != null && nearest.cosine() > 0.95 && source.contains("austen"),
                "nearest neighbour is the sentence in Austen: " + source
                        + (nearest == null ? "" : String.format(" cosine %.4f", nearest.cosine())));
        if (complete) {
            report.check(shown.hull() != null, "hull readout computed");
        }
        return true;
    }

    /** Polls {@code condition} on the event loop until it holds (then {@code then}) or the deadline passes. */
    private void waitUntil(BooleanSupplier condition, Runnable then, Runnable timedOut) {
        if (condition.getAsBoolean()) {
            then.run();
        } else if (System.currentTimeMillis() > deadline) {
            timedOut.run();
            finish();
        } else {
            display.timerExec(POLL_MILLIS, () -> waitUntil(condition, then, timedOut));
        }
    }

    private void finish() {
        Platform.removeLogListener(logListener);
        synchronized (loggedErrors) {
            report.check(loggedErrors.isEmpty(), "no errors logged by Novelty Lens: " + loggedErrors);
        }
        if (screenshotFile != null) {
            try {
                saveScreenshot(screenshotFile);
                report.info("screenshot " + screenshotFile);
                // and the view alone, maximized, where every readout has room
                IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
                IViewPart view = page.findView(NoveltyView.ID);
                if (view != null) {
                    page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
                    Path viewFile = screenshotFile.resolveSibling(
                            screenshotFile.getFileName().toString().replaceFirst("\\.png$", "") + "-view.png");
                    saveScreenshot(viewFile);
                    report.info("screenshot " + viewFile);
                }
            } catch (IOException | RuntimeException e) {
                report.check(false, "screenshot: " + e);
            }
        }
        try {
            report.writeTo(reportFile);
        } catch (IOException e) {
            e.printStackTrace(); // the script then reports that no report appeared
        }
        PlatformUI.getWorkbench().close();
    }

    private void saveScreenshot(Path file) throws IOException {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        while (display.readAndDispatch()) {
            // paint everything that is pending before copying the window
        }
        Point size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private void logged(IStatus status, String plugin) {
        if (status.matches(IStatus.ERROR) && status.getPlugin() != null
                && status.getPlugin().startsWith("io.noveltylens")) {
            synchronized (loggedErrors) {
                loggedErrors.add(status.getPlugin() + ": " + status.getMessage());
            }
        }
    }

    private static String stateName(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + bundle.getState();
        };
    }
}

package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Waiting for work and taking screenshots in workbench tests, which run on the UI thread. */
final class UiTestSupport {

    private static final long TIMEOUT_MILLIS = 180_000;

    private UiTestSupport() {
    }

    /** {@code root} and every control under it, parents before their children. */
    static List<Control> tree(Control root) {
        List<Control> controls = new ArrayList<>();
        controls.add(root);
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                controls.addAll(tree(child));
            }
        }
        return controls;
    }

    /** The Novelty Lens preference page's id. */
    static final String PREFERENCE_PAGE = "io.noveltylens.ui.prefs";

    /** The preference dialog open on the Novelty Lens page, not blocking, its events processed; the caller closes it. */
    static PreferenceDialog openPreferencePage() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), PREFERENCE_PAGE, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        spin();
        return dialog;
    }

    /** Runs the event loop until no event is pending. */
    static void spin() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // dispatch everything queued, including the asyncExecs that post job results
        }
    }

    /**
     * Waits until {@code done} holds: joins the job family (never sleeps to wait for work), then dispatches the events
     * the jobs posted. Between rounds the display waits for its next event (a timer wakes it), as an event loop does.
     */
    static void waitFor(Object family, BooleanSupplier done) throws InterruptedException {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        spin();
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + family + "; " + whatIsGoingOn());
            }
            Job.getJobManager().join(family, null);
            spin();
            if (!done.getAsBoolean()) {
                display.timerExec(100, () -> {
                    // wakes display.sleep() so that delayed (debounced) jobs get a chance to be scheduled
                });
                display.sleep();
            }
        }
    }

    /** For a timeout's message: the engine's state and every job the job manager knows, with its state. */
    private static String whatIsGoingOn() {
        StringBuilder text = new StringBuilder("engine ")
                .append(NoveltyLensPlugin.getDefault().getEngineService().state()).append(", jobs:");
        for (Job job : Job.getJobManager().find(null)) {
            text.append(" [").append(job.getName()).append(", state ").append(job.getState()).append(']');
        }
        return text.toString();
    }

    /**
     * Runs the event loop until {@code done} holds, as the workbench does, never blocking the UI thread (unlike
     * {@link #waitFor}, which joins jobs): for tests that measure how responsive the UI stays while jobs run.
     */
    static void runEventLoopUntil(BooleanSupplier done) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out running the event loop; " + whatIsGoingOn());
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> {
                    // wakes display.sleep() to check the condition again
                });
                display.sleep();
            }
        }
    }

    /** Runs the event loop for {@code millis}, so that widgets paint the frames due in that time. */
    static void runEventLoopFor(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        runEventLoopUntil(() -> System.nanoTime() >= end);
    }

    /** What {@code control} shows on screen now, pixel by pixel. */
    static ImageData capture(Control control) {
        Point size = control.getSize();
        Image image = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Saves what {@code control} shows as a PNG under target/screenshots and returns its path. */
    /** A screenshot of {@code view} maximised, as a user reads a long report; the view is restored afterwards. */
    static Path screenshotMaximised(IViewPart view, String name) throws IOException {
        IWorkbenchPage page = Workspace.page();
        page.activate(view);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        spin();
        Path shot = screenshot(view.getViewSite().getShell(), name);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        return shot;
    }

    static Path screenshot(Control control, String name) throws IOException {
        // GTK paints a change in a later frame: without this, screenshots showed the frame before the last change
        runEventLoopFor(250);
        Path dir = Path.of(System.getProperty("noveltylens.test.basedir", "."), "target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { capture(control) };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    /** Gives the workbench window a fixed size so screenshots are comparable (Xvfb has no window manager). */
    static void sizeWindow(org.eclipse.swt.widgets.Shell shell) {
        shell.setBounds(new Rectangle(0, 0, 1280, 900));
        spin();
    }
}

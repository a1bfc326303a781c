package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;
import io.noveltylens.ui.view.NoveltyView;

/**
 * The Novelty view in dark colours. The target platform has the CSS theme engine but not the bundle that defines the
 * dark theme (org.eclipse.ui.themes, theme org.eclipse.e4.ui.css.theme.e4_dark), so this test does what that theme
 * does to views: it gives every widget the dark theme's background and foreground. What the view paints itself (the
 * hull curve, the projection) must then draw in those colours, not in the system's, which stay light-theme black.
 */
class DarkColoursTest {

    /** The e4 dark theme's view background and text colours (#2F2F2F, #CCCCCC). */
    private static final RGB DARK_BACKGROUND = new RGB(47, 47, 47);
    private static final RGB LIGHT_TEXT = new RGB(204, 204, 204);
    private static final String DRAFT = TestCorpus.LIBRARY + "\n"; //$NON-NLS-1$

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @BeforeAll
    static void indexCorpus() throws Exception {
        TestCorpus.install();
        UiTestSupport.sizeWindow(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
    }

    @AfterEach
    void restoreColours() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (Control control : tree(shell)) {
            control.setBackground(null);
            control.setForeground(null);
        }
        store.setToDefault(NoveltyLensPreferences.LIVE_DELAY_MILLIS);
        IViewPart view = Workspace.page().findView(NoveltyView.ID);
        if (view != null) {
            Workspace.page().setPartState(Workspace.page().getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
        Workspace.page().closeAllEditors(false);
    }

    @Test
    void readoutsTheViewDrawsItselfFollowTheDarkColours() throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        IFile file = Workspace.file(Workspace.project("dark"), "draft.txt", DRAFT); //$NON-NLS-1$ //$NON-NLS-2$
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(0, TestCorpus.LIBRARY.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));

        // maximised, so that the hull curve is on screen to be captured
        Workspace.page().setPartState(Workspace.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Shell shell = view.getViewSite().getShell();
        Color background = new Color(DARK_BACKGROUND);
        Color foreground = new Color(LIGHT_TEXT);
        for (Control control : tree(shell)) {
            control.setBackground(background);
            control.setForeground(foreground);
        }
        UiTestSupport.spin();
        UiTestSupport.screenshot(shell, "novelty-view-dark"); //$NON-NLS-1$

        Control curve = tree(shell).stream().filter(c -> c.getClass().getSimpleName().equals("InOutCurveChart")) //$NON-NLS-1$
                .findFirst().orElseThrow();
        assertTrue(shows(curve, LIGHT_TEXT), "the hull curve's outline and labels are drawn in the theme's text colour"); //$NON-NLS-1$
    }

    private static List<Control> tree(Control root) {
        List<Control> controls = new ArrayList<>();
        controls.add(root);
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                controls.addAll(tree(child));
            }
        }
        return controls;
    }

    /** Whether some pixel of what {@code control} shows on screen has exactly {@code colour}. */
    private static boolean shows(Control control, RGB colour) {
        Point size = control.getSize();
        Image image = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
            ImageData data = image.getImageData();
            for (int y = 0; y < data.height; y++) {
                for (int x = 0; x < data.width; x++) {
                    if (data.palette.getRGB(data.getPixel(x, y)).equals(colour)) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}

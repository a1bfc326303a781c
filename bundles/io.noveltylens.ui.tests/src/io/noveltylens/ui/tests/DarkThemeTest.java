package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.view.NoveltyView;
import io.noveltylens.ui.view.WrappingText;

/**
 * The Novelty view under the real e4 dark theme (org.eclipse.ui.themes, applied by the CSS theme engine that the
 * test application starts with -cssTheme, see the pom): its controls take the theme's colours, and what it draws
 * itself (the hull curve) draws in them too.
 */
@ExtendWith(WorkbenchFixture.class)
class DarkThemeTest {

    private static final String DARK = "org.eclipse.e4.ui.css.theme.e4_dark";

    private IThemeEngine themes;
    private ITheme before;

    @AfterEach
    void restoreTheme() {
        if (themes != null && before != null) {
            themes.setTheme(before, false);
        }
    }

    @Test
    void noveltyViewReadsInTheDarkTheme() throws Exception {
        themes = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        assertNotNull(themes, "the CSS theme engine runs");
        before = themes.getActiveTheme();
        themes.setTheme(DARK, false);
        assertEquals(DARK, themes.getActiveTheme().getId());

        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        // maximised, so that the hull curve is on screen to be captured
        Workspace.page().setPartState(Workspace.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        UiTestSupport.spin();
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-dark-theme");

        Table neighbours = view.reportPage().neighboursViewer().getTable();
        List<Control> main = new ArrayList<>(List.of(neighbours));
        for (Control c = neighbours.getParent(); c != null && c != view.getViewSite().getShell(); c = c.getParent()) {
            main.add(c);
        }
        // the readouts' text, which the plug-in draws itself (WrappingText)
        List<Control> texts = UiTestSupport.tree(view.getViewSite().getShell()).stream()
                .filter(WrappingText.class::isInstance).toList();
        assertTrue(texts.size() >= 10, "the report's text: " + texts);
        main.addAll(texts);
        for (Control control : main) {
            RGB background = control.getBackground().getRGB();
            RGB foreground = control.getForeground().getRGB();
            assertTrue(luminance(background) < 0.3, control + " background " + background);
            assertTrue(luminance(foreground) > 0.6, control + " foreground " + foreground);
        }
        Control curve = UiTestSupport.tree(view.getViewSite().getShell()).stream()
                .filter(c -> c.getClass().getSimpleName().equals("InOutCurveChart")).findFirst().orElseThrow();
        assertTrue(luminance(curve.getBackground().getRGB()) < 0.3,
                "the hull curve's background " + curve.getBackground());
        // the sections above it (the drafts' neighbours, the sentences) may push it below the view's bottom
        for (Control c = curve.getParent(); c != null; c = c.getParent()) {
            if (c instanceof ScrolledComposite page) {
                page.showControl(curve);
                break;
            }
        }
        UiTestSupport.spin();
        assertTrue(shows(curve, curve.getForeground().getRGB()), "the hull curve is drawn in the theme's text colour");
    }

    /** Relative luminance, 0 (black) to 1 (white), WCAG 2 without the gamma curve: enough to tell dark from light. */
    private static double luminance(RGB rgb) {
        return (0.2126 * rgb.red + 0.7152 * rgb.green + 0.0722 * rgb.blue) / 255;
    }

    /** Whether some pixel of what {@code control} shows on screen has exactly {@code colour}. */
    private static boolean shows(Control control, RGB colour) {
        ImageData data = UiTestSupport.capture(control);
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                if (data.palette.getRGB(data.getPixel(x, y)).equals(colour)) {
                    return true;
                }
            }
        }
        return false;
    }
}

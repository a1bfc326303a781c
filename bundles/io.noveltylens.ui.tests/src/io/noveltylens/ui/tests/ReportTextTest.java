package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.view.NoveltyView;
import io.noveltylens.ui.view.WrappingText;

/**
 * The report's wrapping text ({@link WrappingText}) takes the height the wrapping GTK labels it replaced took, at every
 * width, and no wrapping label is left in the report: measuring one cost the UI thread about 5 ms at every layout of
 * the page, which held it past issue 16's 100 ms goal.
 */
@ExtendWith(WorkbenchFixture.class)
class ReportTextTest {

    /** Narrow, as the view beside an editor, to wide, as the view maximised. */
    private static final int[] WIDTHS = { 120, 300, 640, 1200 };

    @Test
    void theReportWrapsItsTextAsTheLabelsItReplacedAndHasNoWrappingLabel() throws Exception {
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        List<Control> page = UiTestSupport.tree(reportPage(view));

        List<Control> wrappingLabels = page.stream()
                .filter(control -> control instanceof Label && (control.getStyle() & SWT.WRAP) != 0).toList();
        assertEquals(List.of(), wrappingLabels, "wrapping labels in the report");

        List<WrappingText> texts = page.stream().filter(WrappingText.class::isInstance).map(WrappingText.class::cast)
                .filter(text -> !text.getText().isEmpty()).toList();
        assertTrue(texts.size() >= 10, "the report's readouts are wrapping text: " + texts.size());
        assertTrue(texts.stream().anyMatch(text -> text.getText().length() > 80),
                "some text is long enough to wrap at the narrow widths");
        // the oracle: the wrapping label each text replaced, in the same font, measured by GTK
        Shell shell = new Shell(view.getViewSite().getShell().getDisplay());
        try {
            for (WrappingText text : texts) {
                Label peer = new Label(shell, SWT.WRAP);
                peer.setFont(text.getFont());
                // a label takes & as a mnemonic marker, the text shows it as it is
                peer.setText(text.getText().replace("&", "&&"));
                for (int width : WIDTHS) {
                    assertEquals(peer.computeSize(width, SWT.DEFAULT).y, text.computeSize(width, SWT.DEFAULT).y,
                            "height at " + width + " pixels of \"" + text.getText() + "\"");
                }
                peer.dispose();
            }
        } finally {
            shell.dispose();
        }
    }

    private static ScrolledComposite reportPage(NoveltyView view) {
        for (Control c = view.reportPage().neighboursViewer().getTable(); c != null; c = c.getParent()) {
            if (c instanceof ScrolledComposite page) {
                return page;
            }
        }
        throw new AssertionError("the neighbours table is not in a scrolled page");
    }
}

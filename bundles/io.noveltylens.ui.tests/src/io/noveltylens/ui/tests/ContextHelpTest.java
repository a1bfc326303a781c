package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.annotate.ComparisonView;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.prefs.NoveltyLensPreferencePage;
import io.noveltylens.ui.view.NoveltyView;
import io.noveltylens.ui.view.SideBySideView;

/**
 * F1 in each of our parts shows its help context: the control that SWT sends F1's help event to (the first one up
 * from the focus that listens for it) carries the part's context, the help system knows that context with the
 * description and the guide's pages that help/contexts.xml gives it (read as XML from the installed bundle: the
 * oracle), and every page exists in the bundle. (That the help UI then shows the context is the platform's part.)
 */
@ExtendWith(WorkbenchFixture.class)
class ContextHelpTest {

    /** What {@code IWorkbenchHelpSystem.setHelp} stores on a control. */
    private static final String HELP_DATA = "org.eclipse.ui.help";
    private static final String PREFERENCE_PAGE = "io.noveltylens.ui.prefs";

    @Test
    void f1InEveryPartShowsItsContextWithTheGuidesPagesOnIt() throws Exception {
        Map<String, List<String>> declared = declaredContexts();
        assertEquals(Arrays.stream(HelpContexts.values()).map(HelpContexts::id).sorted().toList(),
                declared.keySet().stream().sorted().toList(), "contexts.xml declares exactly the parts' contexts");
        for (HelpContexts context : HelpContexts.values()) {
            IContext known = HelpSystem.getContext(context.id());
            assertNotNull(known, context.id() + " known to the help system");
            assertEquals(declared.get(context.id()).get(0), known.getText().strip(), context.id());
            List<String> topics = Arrays.stream(known.getRelatedTopics()).map(IHelpResource::getHref).toList();
            assertEquals(declared.get(context.id()).subList(1, declared.get(context.id()).size()), topics,
                    context.id() + "'s pages");
            for (String href : topics) {
                assertNotNull(NoveltyLensPlugin.getDefault().getBundle()
                        .getEntry(href.substring("/io.noveltylens.ui/".length())), href + " is in the bundle");
            }
        }

        IWorkbenchPage page = Workspace.page();
        Map<String, HelpContexts> views = new LinkedHashMap<>();
        views.put(SideBySideView.ID, HelpContexts.SIDE_BY_SIDE_VIEW);
        views.put(AnnotationResultsView.ID, HelpContexts.ANNOTATION_RESULTS_VIEW);
        views.put(ComparisonView.ID, HelpContexts.COMPARISON_VIEW);
        views.put(NoveltyView.ID, HelpContexts.NOVELTY_VIEW);
        for (Map.Entry<String, HelpContexts> view : views.entrySet()) {
            IViewPart part = page.showView(view.getKey());
            // without a window manager (Xvfb) nothing has the focus until the shell is made active
            part.getSite().getShell().forceActive();
            page.activate(part);
            part.setFocus();
            UiTestSupport.spin();
            Control helped = helpedFrom(Display.getCurrent().getFocusControl());
            assertEquals(view.getValue().id(), helped.getData(HELP_DATA), "F1 in " + view.getKey());
            if (view.getValue() != HelpContexts.NOVELTY_VIEW) {
                page.hideView(part);
            }
        }

        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), PREFERENCE_PAGE, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            UiTestSupport.spin();
            Control preferences = ((NoveltyLensPreferencePage) dialog.getSelectedPage()).getControl();
            assertEquals(HelpContexts.PREFERENCE_PAGE.id(), preferences.getData(HELP_DATA), "F1 in the page");
        } finally {
            dialog.close();
        }
    }

    /** The control F1 reaches: SWT sends the help event to the first control up from the focus that listens. */
    private static Control helpedFrom(Control focus) {
        assertNotNull(focus, "a control has the focus");
        for (Control control = focus; control != null; control = control.getParent()) {
            if (control.isListening(SWT.Help)) {
                return control;
            }
        }
        throw new AssertionError("nothing listens for F1 from " + focus);
    }

    /** contexts.xml from the bundle: each context's full id, then its description and its pages' hrefs. */
    private static Map<String, List<String>> declaredContexts() throws Exception {
        Map<String, List<String>> contexts = new LinkedHashMap<>();
        try (InputStream in = NoveltyLensPlugin.getDefault().getBundle().getEntry("help/contexts.xml").openStream()) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("context");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element context = (Element) nodes.item(i);
                List<String> described = new ArrayList<>();
                described.add(context.getElementsByTagName("description").item(0).getTextContent().strip());
                NodeList topics = context.getElementsByTagName("topic");
                for (int j = 0; j < topics.getLength(); j++) {
                    described.add("/io.noveltylens.ui/" + ((Element) topics.item(j)).getAttribute("href"));
                }
                contexts.put("io.noveltylens.ui." + context.getAttribute("id"), described);
            }
        }
        assertTrue(contexts.size() >= 5, "contexts.xml: " + contexts);
        return contexts;
    }
}

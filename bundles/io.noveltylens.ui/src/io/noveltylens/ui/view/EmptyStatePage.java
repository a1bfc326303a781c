package io.noveltylens.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

/**
 * The page the view shows instead of a report: a title that says what state we are in, a paragraph that says what to
 * do, and links that do it. Colours and fonts come from the theme, so it reads in the dark theme too.
 */
final class EmptyStatePage {

    private final Composite control;
    private final Label icon;
    private final Label title;
    private final Label body;
    private final Link links;
    private final Map<String, Runnable> actions = new LinkedHashMap<>();

    EmptyStatePage(Composite parent) {
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 8).applyTo(control);
        icon = new Label(control, SWT.NONE);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).span(1, 3).applyTo(icon);
        title = new Label(control, SWT.WRAP);
        title.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(title);
        body = new Label(control, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(body);
        links = new Link(control, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(links);
        links.addListener(SWT.Selection, event -> {
            Runnable action = actions.get(event.text);
            if (action != null) {
                action.run();
            }
        });
    }

    Composite control() {
        return control;
    }

    /** Shows a state; {@code linkActions} maps each link label to what it does, in display order. */
    void show(Image image, String titleText, String bodyText, Map<String, Runnable> linkActions) {
        icon.setImage(image);
        title.setText(titleText);
        body.setText(bodyText);
        actions.clear();
        StringBuilder markup = new StringBuilder();
        int index = 0;
        for (Map.Entry<String, Runnable> link : linkActions.entrySet()) {
            String href = "action" + index++; //$NON-NLS-1$
            actions.put(href, link.getValue());
            if (!markup.isEmpty()) {
                markup.append("    "); //$NON-NLS-1$
            }
            markup.append("<a href=\"").append(href).append("\">").append(link.getKey()).append("</a>"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
        links.setText(markup.toString());
        links.setVisible(!linkActions.isEmpty());
        control.layout(true, true);
    }

    String titleText() {
        return title.getText();
    }

    String bodyText() {
        return body.getText();
    }
}

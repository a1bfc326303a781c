package io.noveltylens.ui.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** A titled block of the report page: a bold title over a body composite; no colours of its own, so themes apply. */
final class Section {

    private final Composite body;

    Section(Composite parent, String title) {
        Label heading = new Label(parent, SWT.NONE);
        heading.setText(title);
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 6).applyTo(heading);
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 0).spacing(4, 3).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(body);
    }

    Composite body() {
        return body;
    }

    /** Text that wraps at the view's width. */
    static WrappingText wrappingText(Composite parent) {
        WrappingText text = new WrappingText(parent);
        GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(text);
        return text;
    }
}

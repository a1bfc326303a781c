package io.noveltylens.ui.view;

import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleControlAdapter;
import org.eclipse.swt.accessibility.AccessibleControlEvent;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.TextLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A line of the report that wraps at the view's width, measured and drawn by one {@link TextLayout}: what a wrapping
 * {@code Label} shows, at a fraction of its cost. GTK measures a wrapping label's height for a width through its own
 * size negotiation, about 5 ms of the UI thread per label at every layout of the page; the report had 17 of them, most
 * of the 75-221 ms its layout took (docs/design.md, section 4). Drawn in its own font and text colour and its parent's
 * background, as a label is; read by screen readers as a label with this text.
 */
public final class WrappingText extends Canvas {

    private final TextLayout layout;
    private String text = ""; //$NON-NLS-1$

    WrappingText(Composite parent) {
        // no keyboard focus: a label is not a tab stop either; the paint fills the whole control
        super(parent, SWT.NO_FOCUS | SWT.NO_BACKGROUND);
        layout = new TextLayout(getDisplay());
        addPaintListener(event -> paint(event.gc));
        addDisposeListener(event -> layout.dispose());
        getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                event.result = text;
            }
        });
        getAccessible().addAccessibleControlListener(new AccessibleControlAdapter() {
            @Override
            public void getRole(AccessibleControlEvent event) {
                event.detail = ACC.ROLE_LABEL;
            }
        });
    }

    void setText(String newText) {
        checkWidget();
        text = newText;
        layout.setText(newText);
        redraw();
    }

    public String getText() {
        checkWidget();
        return text;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        checkWidget();
        wrapAt(wHint);
        // an empty text takes no room: the hull's lines are empty while its readouts are computed
        int height = text.isEmpty() ? 0 : layout.getBounds().height;
        return new Point(wHint == SWT.DEFAULT ? layout.getBounds().width : wHint,
                hHint == SWT.DEFAULT ? height : hHint);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        wrapAt(area.width);
        // the parent's background, as a label shows it: the light theme styles a view's labels and canvases, and
        // picks controls by their class's name, which for this class no rule names
        gc.setBackground(getParent().getBackground());
        gc.fillRectangle(area);
        gc.setForeground(getForeground());
        layout.draw(gc, 0, 0);
    }

    /** Lays the text out at {@code width} pixels, unwrapped for {@link SWT#DEFAULT}, in the control's current font. */
    private void wrapAt(int width) {
        layout.setFont(getFont());
        layout.setWidth(width == SWT.DEFAULT ? -1 : Math.max(1, width));
    }
}

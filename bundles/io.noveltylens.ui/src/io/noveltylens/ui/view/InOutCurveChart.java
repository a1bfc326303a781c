package io.noveltylens.ui.view;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.HullVerdict;

/**
 * The extrapolation-depth curve as a strip: one cell per number of principal components d tried, filled where the
 * passage is inside the corpus hull in d components, outlined where it is outside, shaded where it is undecided.
 * Inside comes first and outside last by construction (projection preserves convex combinations).
 */
final class InOutCurveChart extends Canvas {

    private static final int STRIP_HEIGHT = 16;
    private static final int LABEL_GAP = 2;

    private List<DepthVerdict> curve = List.of();

    InOutCurveChart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(event -> paint(event.gc));
    }

    void setCurve(List<DepthVerdict> newCurve) {
        curve = List.copyOf(newCurve);
        redraw();
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        int textHeight = gc.getFontMetrics().getHeight();
        gc.dispose();
        return new Point(wHint == SWT.DEFAULT ? 240 : wHint, STRIP_HEIGHT + LABEL_GAP + textHeight + 1);
    }

    private void paint(GC gc) {
        if (curve.isEmpty()) {
            return;
        }
        Rectangle area = getClientArea();
        Display display = getDisplay();
        Color inside = display.getSystemColor(SWT.COLOR_LIST_SELECTION);
        Color undecided = display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
        // the control's own foreground, which the workbench theme sets: the system colour stays black under a dark theme
        Color outline = getForeground();
        double cell = (double) (area.width - 1) / curve.size();
        for (int i = 0; i < curve.size(); i++) {
            int x = (int) Math.round(i * cell);
            int width = Math.max(1, (int) Math.round((i + 1) * cell) - x - 1);
            HullVerdict verdict = curve.get(i).verdict();
            if (verdict != HullVerdict.OUTSIDE) {
                gc.setBackground(verdict == HullVerdict.INSIDE ? inside : undecided);
                gc.fillRectangle(x, 0, width, STRIP_HEIGHT);
            }
            gc.setForeground(outline);
            gc.drawRectangle(x, 0, width, STRIP_HEIGHT);
        }
        gc.setForeground(outline);
        drawDimensions(gc, cell);
    }

    /**
     * The d of every cell under it: the cells are equal but the d values are not (1, 2, 3, 4, 6, 8, 12, ... 64), so a
     * reader needs each one. Where the strip is too narrow for all, every other label is left out, never the last.
     */
    private void drawDimensions(GC gc, double cell) {
        int labelY = STRIP_HEIGHT + LABEL_GAP;
        int widest = gc.textExtent("d=" + curve.get(curve.size() - 1).dimension()).x + 2; //$NON-NLS-1$
        int every = Math.max(1, (int) Math.ceil(widest / cell));
        for (int i = 0; i < curve.size(); i++) {
            boolean last = i == curve.size() - 1;
            boolean clearOfLast = i == 0 || curve.size() - 1 - i >= every;
            if (!last && (i % every != 0 || !clearOfLast)) {
                continue;
            }
            String label = (i == 0 ? "d=" : "") + curve.get(i).dimension(); //$NON-NLS-1$ //$NON-NLS-2$
            int centre = (int) Math.round((i + 0.5) * cell);
            int x = Math.max(0,
                    Math.min(getClientArea().width - gc.textExtent(label).x, centre - gc.textExtent(label).x / 2));
            gc.drawString(label, x, labelY, true);
        }
    }
}

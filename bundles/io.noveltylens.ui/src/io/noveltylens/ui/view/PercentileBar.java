package io.noveltylens.ui.view;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * A bar filled to a percentile, with ticks at the quartiles. Drawn in the theme's list-selection and shadow colours,
 * so it is visible on light and dark backgrounds alike.
 */
final class PercentileBar extends Canvas {

    private static final int HEIGHT = 14;
    private double percentile = Double.NaN;

    PercentileBar(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(event -> paint(event.gc));
    }

    void setPercentile(double value) {
        percentile = value;
        redraw();
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 200 : wHint, HEIGHT);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        Display display = getDisplay();
        int width = area.width - 1;
        int height = area.height - 1;
        if (!Double.isNaN(percentile)) {
            gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_SELECTION));
            gc.fillRectangle(0, 0, (int) Math.round(width * Math.clamp(percentile, 0, 100) / 100), height);
        }
        gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(0, 0, width, height);
        for (int quartile = 1; quartile < 4; quartile++) {
            int x = width * quartile / 4;
            gc.drawLine(x, height - 3, x, height);
        }
    }
}

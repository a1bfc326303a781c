package io.noveltylens.ui.view;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * Draws core's 2-D map of the neighbourhood: point 0 (the passage) as a filled dot, the neighbours as rings numbered
 * by rank, scaled to fit with equal axes so the picture's shape is not distorted further than the projection did.
 */
final class ProjectionPicture extends Canvas {

    private static final int HEIGHT = 180;
    private static final int MARGIN = 14;
    private static final int RADIUS = 4;

    private List<double[]> points = List.of();

    ProjectionPicture(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        addPaintListener(event -> paint(event.gc));
    }

    void setPoints(List<double[]> newPoints) {
        points = List.copyOf(newPoints);
        redraw();
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 240 : wHint, HEIGHT);
    }

    private void paint(GC gc) {
        if (points.isEmpty()) {
            return;
        }
        gc.setAntialias(SWT.ON);
        Rectangle area = getClientArea();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9);
        double scale = Math.min(area.width - 2 * MARGIN, area.height - 2 * MARGIN) / span;
        double offsetX = (area.width - (maxX - minX) * scale) / 2;
        double offsetY = (area.height - (maxY - minY) * scale) / 2;
        Display display = getDisplay();
        // the control's own foreground, which the workbench theme sets: the system colour stays black under a dark theme
        gc.setForeground(getForeground());
        for (int i = points.size() - 1; i >= 0; i--) {
            int x = (int) Math.round(offsetX + (points.get(i)[0] - minX) * scale);
            int y = (int) Math.round(offsetY + (points.get(i)[1] - minY) * scale);
            if (i == 0) {
                gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_SELECTION));
                gc.fillOval(x - RADIUS - 2, y - RADIUS - 2, 2 * RADIUS + 4, 2 * RADIUS + 4);
            } else {
                gc.drawOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
                gc.drawString(Integer.toString(i), x + RADIUS + 1, y - RADIUS - 2, true);
            }
        }
    }
}

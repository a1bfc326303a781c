package io.noveltylens.ui.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;

import io.noveltylens.core.analysis.NeighbourhoodMap;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/** The neighbourhood picture, captioned as what it is: a projection whose distances are not the real ones. */
final class ProjectionSection {

    private final ProjectionPicture picture;
    private final WrappingText caption;

    ProjectionSection(Composite parent) {
        picture = new ProjectionPicture(parent);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(picture);
        caption = Section.wrappingText(parent);
    }

    void show(NeighbourhoodMap map) {
        picture.setPoints(map.points());
        caption.setText(NLS.bind(Messages.ProjectionSection_caption, ReadoutFormat.share(map.varianceShown())));
    }
}

package io.noveltylens.ui.annotate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.compare.ResumedFile;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * What a comparison did with the groups' results files of an earlier run, one sentence each, for the job's result
 * and the view: a comparison that resumed, dropped records or started a file over must not pass for a fresh run.
 */
final class ComparisonReruns {

    private ComparisonReruns() {
    }

    static List<String> of(List<GroupScores> groups) {
        List<String> notes = new ArrayList<>();
        for (GroupScores group : groups) {
            ResumedFile file = group.resultsFile();
            if (file == null) {
                continue;
            }
            if (!file.startedOver().isEmpty()) {
                notes.add(NLS.bind(Messages.CompareJob_startedOver, group.name(), file.startedOver()));
            }
            if (group.summary().resumed() > 0) {
                notes.add(NLS.bind(Messages.CompareJob_resumed, new Object[] { group.name(),
                        ReadoutFormat.count(group.summary().resumed()), ReadoutFormat.count(group.passages().size()),
                        file.file() }));
            }
            if (file.dropped() > 0) {
                notes.add(NLS.bind(Messages.CompareJob_dropped, new Object[] { group.name(),
                        ReadoutFormat.count(file.dropped()), file.file() }));
            }
        }
        return notes;
    }
}

package io.noveltylens.core.compare;

import java.nio.file.Path;

/**
 * What a group's scoring did with the results file an earlier run left ({@link GroupFiles}), for the front ends to
 * say: a comparison that resumed, dropped records or started a file over must not look like a fresh run.
 *
 * @param file        the group's results file
 * @param dropped     records of passages no longer in the group (edited, moved or deleted since) that were dropped
 * @param startedOver why the file of another run was replaced, or empty when it was continued (or new)
 */
public record ResumedFile(Path file, int dropped, String startedOver) {
}

package io.noveltylens.core.report;

import java.time.Instant;

import io.noveltylens.core.index.IndexMetadata;

/**
 * What a report says about how it was made, so that a reader can make it again: the command (or the IDE action), the
 * tool and its version, and the corpus with the fingerprints of its sources and of the model.
 *
 * @param command        the command line as typed, or the action that produced the report
 * @param tool           the program and its version
 * @param corpusLocation where the corpus index was read from
 * @param corpus         the index's description (model and source digests)
 * @param generatedAt    when the report was written
 */
public record RunDescription(String command, String tool, String corpusLocation, IndexMetadata corpus,
        Instant generatedAt) {
}

package io.noveltylens.core.exclude;

import io.noveltylens.core.corpus.TextSpan;

/**
 * A range of the original text left out of the analysis. Ranges of different kinds may nest (a code span inside a
 * block quote), never overlap otherwise.
 */
public record ExcludedRange(TextSpan span, ExcludedKind kind) {
}

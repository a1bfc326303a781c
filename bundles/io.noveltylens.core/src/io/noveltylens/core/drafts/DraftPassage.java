package io.noveltylens.core.drafts;

/**
 * One passage of a draft file as the corpus reader cuts it: its text with whitespace collapsed (what is embedded, as
 * in an index), the SHA-256 of that text (the key of its embedding), and where it sits in the file.
 *
 * @param start the first character of the passage in the file
 * @param end   the character after its last
 * @param line  its 1-based first line
 */
record DraftPassage(String text, String contentHash, int start, int end, int line) {
}

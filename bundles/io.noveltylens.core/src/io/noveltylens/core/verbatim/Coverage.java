package io.noveltylens.core.verbatim;

/**
 * The share (0 to 1) of a passage's words that lie in some run of at least {@code minWords} words found verbatim in
 * the corpus. One minus it is the L-uniqueness of Lu et al. 2024 with L = {@code minWords}.
 */
public record Coverage(int minWords, double share) {
}

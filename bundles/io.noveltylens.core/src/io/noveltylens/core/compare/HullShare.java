package io.noveltylens.core.compare;

/**
 * How many passages of a group lie inside the corpus's hull projected on its first {@code dimension} principal
 * components: the seed question's picture (Balestriero, Pesenti and LeCun 2021) as one point of a curve. Passages
 * whose verdict the time budget left undetermined are counted apart, so the true share lies between
 * {@link #share()} and {@link #shareAtMost()}.
 */
public record HullShare(int dimension, int inside, int outside, int undetermined) {

    public int passages() {
        return inside + outside + undetermined;
    }

    /** The share proved (or inferred) inside, of all passages. */
    public double share() {
        return passages() == 0 ? Double.NaN : inside / (double) passages();
    }

    /** The share inside if every undetermined passage were inside. */
    public double shareAtMost() {
        return passages() == 0 ? Double.NaN : (inside + undetermined) / (double) passages();
    }
}

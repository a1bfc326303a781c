package io.noveltylens.core.hull;

import java.time.Duration;

/**
 * A point in {@link System#nanoTime()} time after which hull work stops and reports what it has proved so far.
 * Stored as a start and a budget so that comparisons never overflow, as {@code nanoTime} requires.
 */
public record Deadline(long startNanos, long budgetNanos) {

    /** A deadline that never expires: hull work then stops only on its iteration limits. */
    public static final Deadline NONE = new Deadline(0, Long.MAX_VALUE);

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        long nanos = budget.isNegative() ? 0 : budget.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE
                : budget.toNanos();
        return new Deadline(System.nanoTime(), nanos);
    }

    public boolean expired() {
        return budgetNanos != Long.MAX_VALUE && System.nanoTime() - startNanos >= budgetNanos;
    }

    /** Nanoseconds left, never negative; {@link Long#MAX_VALUE} for {@link #NONE}. */
    public long remainingNanos() {
        if (budgetNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, budgetNanos - (System.nanoTime() - startNanos));
    }

    /** A deadline at {@code fraction} of the time left, so that one step of a longer search cannot use it all. */
    public Deadline share(double fraction) {
        long remaining = remainingNanos();
        return remaining == Long.MAX_VALUE ? NONE : new Deadline(System.nanoTime(), (long) (remaining * fraction));
    }
}

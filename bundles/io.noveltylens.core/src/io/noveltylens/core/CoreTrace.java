package io.noveltylens.core;

/**
 * Debug tracing of core, switched per location by the bundle's debug options ({@code .options}, the Tracing tab of a
 * launch configuration): the engine's state changes and the failures core deliberately swallows. Every location is
 * off until an OSGi runtime switches it on ({@code io.noveltylens.core.osgi}), so on the command line's plain class
 * path a trace call costs a volatile read and prints nothing.
 */
public enum CoreTrace {

    /** The engine opening, failing to open and closing. */
    ENGINE("/debug/engine"),
    /** Failures core swallows because another failure is being reported, or a later step reports the same cause. */
    FAILURES("/debug/failures");

    /** Receives the lines of the locations that are on. */
    @FunctionalInterface
    public interface Sink {
        void trace(String option, String message, Throwable failure);
    }

    private static volatile Sink sink;

    private final String option;
    private volatile boolean on;

    CoreTrace(String option) {
        this.option = option;
    }

    /** The option that switches this location, relative to the bundle's symbolic name. */
    public String option() {
        return option;
    }

    public void trace(String message) {
        trace(message, null);
    }

    public void trace(String message, Throwable failure) {
        Sink current = sink;
        if (on && current != null) {
            current.trace(option, message, failure);
        }
    }

    /** Switches this location on or off; its lines go to {@code to}. For the OSGi activator. */
    public static void configure(CoreTrace location, boolean on, Sink to) {
        sink = to;
        location.on = on;
    }
}

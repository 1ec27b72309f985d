package dev.jstrace;

/**
 * Receives a trace's events in order, on a jstrace consumer thread, as they
 * are decoded, so that a long trace can stream to a sink without being held
 * in memory. A slow listener slows the tracee down; it never loses events.
 */
@FunctionalInterface
public interface TraceListener {
    /**
     * One event.
     *
     * @param event the event, in trace order
     */
    void onEvent(TraceEvent event);

    /** The trace has ended: no more events follow. Flush and close here. */
    default void onEnd() {}
}

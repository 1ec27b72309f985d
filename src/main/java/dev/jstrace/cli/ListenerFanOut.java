package dev.jstrace.cli;

import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import java.util.List;

/**
 * Hands each event to several sinks (text, {@code -c} table, TEF, Perfetto).
 * With several {@code -p} sessions feeding one fan-out, events may come from
 * several threads, so delivery is serialized, and the sinks see
 * {@link #onEnd()} once, after the last session has ended.
 */
final class ListenerFanOut implements TraceListener {
    private final List<TraceListener> sinks;
    private int sessionsLeft;
    private boolean ended;

    /**
     * @param sinks    the sinks, in order
     * @param sessions how many trace sessions will call {@link #onEnd()}
     */
    ListenerFanOut(List<TraceListener> sinks, int sessions) {
        this.sinks = List.copyOf(sinks);
        this.sessionsLeft = sessions;
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        if (ended) return;
        for (TraceListener s : sinks) s.onEvent(event);
    }

    @Override
    public synchronized void onEnd() {
        if (--sessionsLeft <= 0) endNow();
    }

    /** Ends every sink now (on an interrupt, or when a session never started). */
    synchronized void endNow() {
        if (ended) return;
        ended = true;
        for (TraceListener s : sinks) s.onEnd();
    }

    /** A session that will never call {@link #onEnd()} (its attach failed). */
    synchronized void sessionFailed() {
        sessionsLeft--;
    }
}

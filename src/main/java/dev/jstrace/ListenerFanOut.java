package dev.jstrace;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands each event to several listeners, in order: strace text and a
 * Perfetto file from one run, or a {@link Trace} kept in memory beside a
 * streaming sink.
 *
 * <pre>{@code
 * Trace kept = new Trace();
 * try (PerfettoSink file = new PerfettoSink(Path.of("run.pftrace"))) {
 *     Tracer.launch(pb, TraceOptions.defaults(), new ListenerFanOut(List.of(kept, file))).awaitTraceEnd();
 * }
 * }</pre>
 *
 * <p>Several sessions (several {@link Tracer#attach attachments}) may feed one
 * fan-out: events may then come from several threads, so delivery is
 * serialized, and the listeners see {@link #onEnd()} once, after the last
 * session has ended. A listener that throws does not keep the event from the
 * others, nor the others from their {@code onEnd()}: the first failure is
 * rethrown once every listener has had its turn.
 */
public final class ListenerFanOut implements TraceListener {
    private final List<TraceListener> sinks;
    private int sessionsLeft;
    private boolean ended;

    /**
     * A fan-out fed by one session.
     *
     * @param listeners the listeners, in delivery order
     */
    public ListenerFanOut(List<? extends TraceListener> listeners) {
        this(listeners, 1);
    }

    /**
     * A fan-out fed by {@code sessions} sessions; the listeners end after the last one.
     *
     * @param listeners the listeners, in delivery order
     * @param sessions  how many trace sessions will call {@link #onEnd()}
     */
    public ListenerFanOut(List<? extends TraceListener> listeners, int sessions) {
        if (listeners == null || listeners.stream().anyMatch(l -> l == null)) {
            throw new IllegalArgumentException("listeners must be a list without nulls");
        }
        if (sessions < 1) throw new IllegalArgumentException("sessions must be at least 1, not " + sessions);
        this.sinks = List.copyOf(listeners);
        this.sessionsLeft = sessions;
    }

    /**
     * The listeners.
     *
     * @return the listeners in delivery order, unmodifiable
     */
    public List<TraceListener> listeners() {
        return sinks;
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        if (ended) return;
        RuntimeException first = null;
        for (TraceListener s : sinks) {
            try {
                s.onEvent(event);
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override
    public synchronized void onEnd() {
        if (--sessionsLeft <= 0) endNow();
    }

    /** Ends every listener now (on an interrupt, or when a session never started); later calls do nothing. */
    public synchronized void endNow() {
        if (ended) return;
        ended = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (TraceListener s : sinks) {
            try {
                s.onEnd();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            for (int i = 1; i < failures.size(); i++) first.addSuppressed(failures.get(i));
            throw first;
        }
    }

    /** Counts off a session that will never call {@link #onEnd()} (its attach failed). */
    public synchronized void sessionFailed() {
        sessionsLeft--;
    }
}

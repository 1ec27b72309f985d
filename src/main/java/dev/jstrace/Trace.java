package dev.jstrace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finished (or growing) trace held in memory: every event in order.
 * For long traces prefer a streaming {@link TraceListener}.
 */
public final class Trace implements TraceListener {
    private final List<TraceEvent> events = Collections.synchronizedList(new ArrayList<>());

    /** An empty trace that fills as a listener. */
    public Trace() {}

    @Override
    public void onEvent(TraceEvent event) {
        if (!(event instanceof SyscallEntered)) events.add(event);
    }

    /** Every event: syscalls, signals, process starts, execs and exits, in order. */
    public List<TraceEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The syscalls, in the order they returned. */
    public List<Syscall> syscalls() {
        List<Syscall> out = new ArrayList<>();
        synchronized (events) {
            for (TraceEvent e : events) {
                if (e instanceof Syscall s) out.add(s);
            }
        }
        return out;
    }

    /** The syscalls named {@code name}. */
    public List<Syscall> syscalls(String name) {
        List<Syscall> out = new ArrayList<>();
        for (Syscall s : syscalls()) {
            if (s.name().equals(name)) out.add(s);
        }
        return out;
    }

    /** strace-style lines, one per event, each syscall with its {@code <duration>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        boolean multi = events().stream().map(TraceEvent::pid).distinct().count() > 1;
        for (TraceEvent e : events()) {
            String text = switch (e) {
                case Syscall s -> s.toString();
                case SignalEvent s -> s.straceText();
                case ProcessEvent p -> p.straceText();
                case SyscallEntered s -> null;
            };
            if (text == null) continue;
            if (multi) sb.append("[pid ").append(String.format("%5d", e.tid())).append("] ");
            sb.append(text).append('\n');
        }
        return sb.toString();
    }
}

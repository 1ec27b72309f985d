package dev.jstrace.sink;

import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /proc} said about each process and thread when a live trace
 * first met it, kept for writing the trace later ({@code Trace.writePerfetto},
 * {@code Trace.writeTef}): by then the pids may be gone or reused, and a
 * self-traced JVM has opened and closed files since. Feed it the events as
 * they arrive (it is a listener); it reads {@code /proc} once per new process
 * (command line, open fds, comm) and once per new thread (comm).
 */
public final class PerfettoProcessSnapshots implements PerfettoProcessInfo, TraceListener {
    private record ProcessFacts(List<String> argv, BitSet fds) {}

    private final PerfettoProcessInfo live;
    private final Map<Integer, ProcessFacts> processes = new HashMap<>();
    private final Map<Long, String> threads = new HashMap<>();
    private long lastKey = -1;

    /** Snapshots from the live {@code /proc}. */
    public PerfettoProcessSnapshots() {
        this(PerfettoProcessInfo.PROCFS);
    }

    PerfettoProcessSnapshots(PerfettoProcessInfo live) {
        this.live = live;
    }

    /** Reads what is new about this event's process and thread; synchronized with the readers. */
    @Override
    public synchronized void onEvent(TraceEvent e) {
        long key = ((long) e.pid() << 32) | (e.tid() & 0xFFFFFFFFL);
        if (key == lastKey) {
            return; // the common case: the same thread again
        }
        lastKey = key;
        if (!processes.containsKey(e.pid())) {
            processes.put(e.pid(), new ProcessFacts(live.commandLine(e.pid()), live.openFds(e.pid())));
        }
        if (!threads.containsKey(key)) {
            threads.put(key, live.threadName(e.pid(), e.tid()));
        }
    }

    @Override
    public synchronized List<String> commandLine(int pid) {
        ProcessFacts f = processes.get(pid);
        return f != null ? f.argv() : null;
    }

    @Override
    public synchronized String threadName(int pid, int tid) {
        return threads.get(((long) pid << 32) | (tid & 0xFFFFFFFFL));
    }

    @Override
    public synchronized BitSet openFds(int pid) {
        ProcessFacts f = processes.get(pid);
        return f != null && f.fds() != null ? (BitSet) f.fds().clone() : null;
    }
}

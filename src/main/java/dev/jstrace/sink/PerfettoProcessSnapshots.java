package dev.jstrace.sink;

import dev.jstrace.Syscall;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /proc} said about each process and thread while a live trace
 * ran, kept for writing the trace later ({@code Trace.writePerfetto},
 * {@code Trace.writeTef}): by then the pids may be gone or reused, and a
 * self-traced JVM has opened and closed files since. Feed it the events as
 * they arrive (it is a listener); it reads {@code /proc} once per new process
 * (command line, open fds), once per new thread (comm), and the fds again
 * after each successful exec, in the order a sink asks for them.
 */
public final class PerfettoProcessSnapshots implements PerfettoProcessInfo, TraceListener {
    /** A process's command line and its fd sets: at first sight, then after each exec. */
    private record ProcessFacts(List<String> argv, List<BitSet> fds) {}

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
        if (e instanceof Syscall s && s.returned() && s.returnValue() == 0
                && (s.name().equals("execve") || s.name().equals("execveat"))) {
            ProcessFacts f = processes.get(e.pid());
            if (f != null) {
                f.fds().add(live.openFds(e.pid())); // what the kernel left open after the exec
            }
        }
        long key = ((long) e.pid() << 32) | (e.tid() & 0xFFFFFFFFL);
        if (key == lastKey) {
            return; // the common case: the same thread again
        }
        lastKey = key;
        if (!processes.containsKey(e.pid())) {
            List<BitSet> fds = new ArrayList<>(2);
            fds.add(live.openFds(e.pid()));
            processes.put(e.pid(), new ProcessFacts(live.commandLine(e.pid()), fds));
        }
        if (!threads.containsKey(key)) {
            threads.put(key, live.threadName(e.pid(), e.tid()));
        }
    }

    /**
     * A view for one replay of the trace into one sink: {@link #openFds}
     * answers a process's first-sight set, {@link #openFdsAfterExec} its set
     * after each exec in turn.
     *
     * @return a fresh view; use one per sink
     */
    public synchronized PerfettoProcessInfo replay() {
        Map<Integer, Integer> execs = new HashMap<>();
        return new PerfettoProcessInfo() {
            @Override
            public List<String> commandLine(int pid) {
                return PerfettoProcessSnapshots.this.commandLine(pid);
            }

            @Override
            public String threadName(int pid, int tid) {
                return PerfettoProcessSnapshots.this.threadName(pid, tid);
            }

            @Override
            public BitSet openFds(int pid) {
                return PerfettoProcessSnapshots.this.openFds(pid);
            }

            @Override
            public BitSet openFdsAfterExec(int pid) {
                synchronized (PerfettoProcessSnapshots.this) {
                    ProcessFacts f = processes.get(pid);
                    int i = execs.merge(pid, 1, Integer::sum);
                    BitSet fds = f != null && i < f.fds().size() ? f.fds().get(i) : null;
                    return fds != null ? (BitSet) fds.clone() : null;
                }
            }
        };
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

    /** The fds at first sight. */
    @Override
    public synchronized BitSet openFds(int pid) {
        ProcessFacts f = processes.get(pid);
        BitSet fds = f != null ? f.fds().getFirst() : null;
        return fds != null ? (BitSet) fds.clone() : null;
    }
}

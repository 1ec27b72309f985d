package dev.jstrace.sink;

import dev.jstrace.ProcessEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process and thread bookkeeping shared by the TEF and Perfetto sinks
 * (each sink owns one instance): which process and thread an event belongs to
 * in the output, their display names, per-thread slice clamping, and the
 * fork-to-child flow links.
 *
 * <p>Pid reuse: once a process (or thread) has ended, a later event carrying
 * the same number starts a new incarnation with a fresh output id,
 * {@code id + k * 2^22}. 2^22 is PID_MAX_LIMIT, so a synthetic id can never
 * collide with a real one; the sinks record the real id in the event args.
 */
final class PerfettoProcesses {
    /** PID_MAX_LIMIT (include/linux/threads.h): no real pid or tid reaches it. */
    static final int SYNTHETIC_STRIDE = 1 << 22;
    /** One incarnation of a process. */
    static final class Proc {
        final int realPid;
        final int outPid;
        /** The command line, one element per argument, or null when unknown. */
        List<String> argv;
        /** The program's name (argv[0]'s file name, or the comm), or null when unknown. */
        String name;
        /** Open fds on comm files ({@code /proc/self/task/TID/comm}): fd to the thread a write renames. */
        final Map<Integer, Integer> commFds = new HashMap<>(2);
        /** Bumped on every rename, so a sink can tell whether it has written the current name. */
        int nameVersion;
        boolean dead;
        final List<Thread> threads = new ArrayList<>(2);
        /** For the sink's use: its track uuid, or 0 before the sink has announced the process. */
        long trackUuid;
        /** For the sink's use: the {@link #nameVersion} it last wrote. */
        int writtenNameVersion = -1;
        /** For the Perfetto sink: bytes and fd counters, created on first use. */
        PerfettoIoCounters io;

        Proc(int realPid, int outPid) {
            this.realPid = realPid;
            this.outPid = outPid;
        }

        /** The program's name, or {@code pid N} when nothing names it (the UI shows the pid beside it). */
        String displayName() {
            return name != null ? name : "pid " + realPid;
        }

        /** The command line joined by spaces, or {@link #displayName()} when unknown. */
        String commandText() {
            return argv != null ? String.join(" ", argv) : displayName();
        }

        /** Whether the output id differs from the real one (the pid was reused in this trace). */
        boolean remapped() {
            return outPid != realPid;
        }
    }

    /** One incarnation of a thread. */
    static final class Thread {
        final int realTid;
        final int outTid;
        final Proc proc;
        String name;
        int nameVersion;
        boolean dead;
        boolean sliceSeen;
        /** End of the latest slice written on this thread: the next one may not start earlier. */
        long lastEnd = Long.MIN_VALUE;
        /** Start and end of the slice last passed to {@link PerfettoProcesses#clampSlice}. */
        long sliceStart;
        long sliceEnd;
        /** The syscall this thread has entered and not yet left, or null. */
        SyscallEntered pending;
        /** Whether a call that never returned (exit, exit_group, or cut short) has a slice begun, not ended. */
        boolean openSlice;
        /** For the sink's use, as in {@link Proc}. */
        long trackUuid;
        int writtenNameVersion = -1;
        /** For the Perfetto sink: this thread's packet sequence, created on first use. */
        PerfettoSequence sequence;

        Thread(int realTid, int outTid, Proc proc) {
            this.realTid = realTid;
            this.outTid = outTid;
            this.proc = proc;
        }

        boolean remapped() {
            return outTid != realTid;
        }
    }

    /**
     * A fork-to-child link from the parent's clone slice to the child's first
     * slice. Either may be written first (the child can run before the
     * parent's clone returns), so each side takes the id when its slice is
     * written; the importer orders the two by time.
     */
    static final class Flow {
        final long id;
        boolean fromWritten;
        boolean toWritten;

        Flow(long id) {
            this.id = id;
        }
    }

    /** Clone slices whose child never shows up (not followed) are forgotten beyond this many. */
    private static final int MAX_OPEN_FLOWS = 4096;

    private final PerfettoProcessInfo info;
    private final Map<Integer, Proc> procs = new HashMap<>();
    private final Map<Integer, Thread> threads = new HashMap<>();
    private final Map<Integer, Integer> incarnations = new HashMap<>();
    private final Map<Integer, Flow> flowsByChild = new java.util.LinkedHashMap<>();
    private long nextFlowId = 1;
    private Proc first;

    PerfettoProcesses(PerfettoProcessInfo info) {
        this.info = info;
    }

    /** The first process seen (the traced command), or null. */
    Proc firstProcess() {
        return first;
    }

    /** Every live thread, for writing the slices of syscalls still running when the trace ends. */
    List<Thread> liveThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : threads.values()) {
            if (!t.dead && !t.proc.dead) {
                out.add(t);
            }
        }
        return out;
    }

    /** The live thread with this tid, or null: a lookup that never starts an incarnation. */
    Thread liveThread(int tid) {
        Thread t = threads.get(tid);
        return t != null && !t.dead ? t : null;
    }

    /**
     * The thread an event with this pid and tid belongs to, starting a new
     * incarnation when the number is new or its last owner has ended.
     *
     * @param parentTid the creating thread for a STARTED event, else 0: names are inherited from it
     */
    Thread thread(int pid, int tid, int parentTid) {
        Thread t = threads.get(tid);
        if (t != null && !t.dead && t.proc.realPid == pid) {
            return t;
        }
        Thread parent = parentTid != 0 ? threads.get(parentTid) : null;
        Proc p = procs.get(pid);
        boolean newProc = p == null || p.dead;
        if (newProc) {
            p = new Proc(pid, freshOutputId(pid));
            if (parent != null) {
                p.argv = parent.proc.argv; // a fork child runs its parent's program until it execs
                p.name = parent.proc.name;
            } else {
                p.argv = info.commandLine(pid);
                p.name = PerfettoNames.programName(p.argv);
                if (p.name == null) {
                    p.name = info.threadName(pid, pid); // no argv (a kernel thread): the comm
                }
            }
            procs.put(pid, p);
            if (first == null) {
                first = p;
            }
        }
        int outTid = tid == pid && newProc ? p.outPid : freshOutputId(tid);
        t = new Thread(tid, outTid, p);
        // clone copies the creator's comm, and we know that one exactly; /proc only for a thread
        // we meet without its creator (spawned, attached), as it may have renamed itself since.
        t.name = parent != null ? parent.name : info.threadName(pid, tid);
        if (t.name == null && tid == pid && p.argv != null) {
            t.name = PerfettoNames.commOf(p.argv.getFirst());
        }
        if (t.name == null) {
            t.name = tid == pid ? "pid " + tid : "thread " + tid;
        }
        p.threads.add(t);
        threads.put(tid, t);
        return t;
    }

    /**
     * Applies a process event: deaths end incarnations, exec retires the
     * former tid, a start with a parent opens a flow.
     */
    void apply(ProcessEvent e, Thread t) {
        switch (e.kind()) {
            case STARTED -> {
                if (e.parentTid() != 0) {
                    flowFor(e.tid()); // the creator's clone slice and the child's first slice link up
                }
            }
            case EXEC -> {
                Thread former = threads.get(e.status());
                if (former != null && former != t && former.proc == t.proc) {
                    former.dead = true;
                }
            }
            case EXITED, KILLED -> {
                t.dead = true;
                dropUnenteredFlow(t.realTid);
                if (e.lastOfProcess()) {
                    t.proc.dead = true;
                    for (Thread other : t.proc.threads) {
                        other.dead = true;
                        dropUnenteredFlow(other.realTid);
                    }
                }
            }
            case DETACHED, UNKNOWN_EXITED, UNKNOWN_DETACHED -> { }
        }
    }

    /**
     * Renames the process and thread after a successful execve/execveat: the
     * argv from the call's decoded value (from {@code /proc} when the capture
     * cut it and the process is live), the comm from the path, as the kernel
     * sets it.
     */
    void applyExec(Syscall s, Thread t) {
        List<String> argv = PerfettoNames.execArgv(s);
        String path = PerfettoNames.execPath(s);
        if (argv == null || PerfettoNames.execArgvCut(s)) {
            List<String> live = info.commandLine(t.proc.realPid);
            if (live != null) {
                argv = live;
            }
        }
        if (argv != null || path != null) {
            t.proc.argv = argv != null ? argv : List.of(path);
            t.proc.name = PerfettoNames.programName(t.proc.argv);
            t.proc.nameVersion++;
        }
        if (path != null) {
            t.name = PerfettoNames.commOf(path);
            t.nameVersion++;
        }
        t.proc.commFds.clear(); // close-on-exec or not, the new program names no thread through them yet
    }

    /**
     * Applies what a successful call does to thread names: {@code prctl(PR_SET_NAME)}
     * renames the caller; an open of a comm file, then a write to it, renames
     * the thread the file belongs to ({@code pthread_setname_np} on another
     * thread). Returns the renamed thread, or null.
     */
    Thread applyRename(Syscall s, Thread t) {
        String name = PerfettoNames.prctlName(s);
        if (name != null) {
            return rename(t, name);
        }
        int target = PerfettoNames.commFileTarget(s);
        if (target != 0) {
            t.proc.commFds.put((int) s.returnValue(), target);
            return null;
        }
        if (t.proc.commFds.isEmpty()) {
            return null;
        }
        if (s.name().equals("close") && s.returned() && !s.failed()) {
            t.proc.commFds.remove(PerfettoNames.fdArg(s));
            return null;
        }
        byte[] written = PerfettoNames.written(s);
        Integer tid = written != null ? t.proc.commFds.get(PerfettoNames.fdArg(s)) : null;
        Thread renamed = tid != null ? liveThread(tid) : null;
        return renamed != null && renamed.proc == t.proc ? rename(renamed, PerfettoNames.commOf(written)) : null;
    }

    private static Thread rename(Thread t, String name) {
        if (name.equals(t.name)) {
            return null;
        }
        t.name = name;
        t.nameVersion++;
        return t;
    }

    /**
     * The id of the flow that ends at this slice (the first one of a thread
     * whose creator was traced), or 0. Call once per slice, in order.
     */
    long flowInto(Thread t) {
        if (t.sliceSeen) {
            return 0;
        }
        t.sliceSeen = true;
        Flow f = flowsByChild.get(t.realTid);
        if (f == null || f.toWritten) {
            return 0;
        }
        f.toWritten = true;
        forgetWhenDone(t.realTid, f);
        return f.id;
    }

    /**
     * The id of the flow this slice starts (a successful fork or clone of a
     * child that is traced: its start was reported before the call
     * returned), or 0.
     */
    long flowOutOf(Syscall s) {
        if (!s.returned() || s.returnValue() <= 0 || !isProcessCreation(s.name())) {
            return 0;
        }
        int child = (int) s.returnValue();
        Flow f = flowsByChild.get(child);
        if (f == null || f.fromWritten) {
            return 0;
        }
        f.fromWritten = true;
        forgetWhenDone(child, f);
        return f.id;
    }

    private void flowFor(int childTid) {
        flowsByChild.put(childTid, new Flow(nextFlowId++));
        if (flowsByChild.size() > MAX_OPEN_FLOWS) {
            var oldest = flowsByChild.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private void forgetWhenDone(int childTid, Flow f) {
        if (f.fromWritten && f.toWritten) {
            flowsByChild.remove(childTid);
        }
    }

    /**
     * Fixes a slice's bounds so that slices on one thread never overlap: a
     * start before the previous end (clock jitter) is moved to that end.
     * Results land in {@code t.sliceStart} / {@code t.sliceEnd}.
     */
    static void clampSlice(Thread t, long start, long end) {
        long s = Math.max(start, t.lastEnd);
        long e = Math.max(s, end);
        t.sliceStart = s;
        t.sliceEnd = e;
        t.lastEnd = e;
    }

    /** Whether a successful call of this name creates a process or thread and returns its id. */
    static boolean isProcessCreation(String name) {
        return switch (name) {
            case "clone", "clone3", "fork", "vfork" -> true;
            default -> false;
        };
    }

    private void dropUnenteredFlow(int tid) {
        Flow f = flowsByChild.get(tid);
        if (f != null && !f.toWritten) {
            flowsByChild.remove(tid); // the child can no longer enter a slice; a reused tid must not inherit it
        }
    }

    private int freshOutputId(int id) {
        int k = incarnations.merge(id, 1, Integer::sum) - 1;
        return k == 0 ? id : id + k * SYNTHETIC_STRIDE;
    }
}

package dev.jstrace.self;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.EventLoop;
import dev.jstrace.proc.RawEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * Cuts a self-trace session's event stream to the block between the two
 * markers: from the start marker's exit to the end marker's entry. Everything
 * before (the seize, the handshake the caller made while waiting for it, the
 * marker itself) and after is dropped here, in the helper, so the JVM
 * receives exactly the block's calls. Also the loop's {@link EventLoop.EntryHook}:
 * at the end marker's entry the loop detaches that thread right there (the
 * marker then runs untraced) and every other tracee at its next stop.
 *
 * <p>The window must not depend on the caller's syscall filter: the start
 * marker is an {@code lseek} ({@link BlockMarker}), so the loop always stops at
 * {@code lseek} ({@link #stopsFor}) and this window drops the {@code lseek} calls
 * the filter did not ask for once recording has begun. (The end marker needs no such
 * care: the entry hook sees every entry, traced or not.)
 *
 * <p>Runs on the session's tracer thread only.
 */
final class RecordingWindow implements EventLoop.EventSink {
    private enum State { BEFORE, STARTING, RECORDING, AFTER }

    private final long startValue;
    private final long endValue;
    private final EventLoop.EventSink out;
    /** Whether the caller's filter reports lseek (null filter: everything). */
    private final boolean reportLseek;
    /** Threads inside an lseek that was traced only for the marker's sake: its exit is dropped too. */
    private final Set<Integer> unreported = new HashSet<>();
    private State state = State.BEFORE;
    private int markerTid;

    RecordingWindow(HelperProtocol.Start start, EventLoop.EventSink out) {
        this.startValue = BlockMarker.startValue(start.nonce());
        this.endValue = BlockMarker.endValue(start.nonce());
        this.out = out;
        this.reportLseek = start.syscalls() == null || start.syscalls().contains("lseek");
    }

    /** The names the loop must stop at for a filter of {@code names}: those and the marker's lseek. */
    static Set<String> stopsFor(Set<String> names) {
        if (names == null) return null;
        Set<String> stops = new HashSet<>(names);
        stops.add("lseek");
        return stops;
    }

    /** Whether a syscall entry is this session's marker {@code lseek(fd, value, SEEK_SET)}. */
    static boolean isMarker(Arch arch, int nr, long[] args, long value) {
        return arch != null && nr == arch.syscallNumber("lseek") && args[1] == value
                && args[2] == BlockMarker.SEEK_SET;
    }

    /** The entry hook: ends the recording, and the session, at the end marker. */
    EventLoop.EntryAction atEntry(int tid, Arch arch, int nr, long[] args) {
        if (state != State.AFTER && isMarker(arch, nr, args, endValue)) {
            state = State.AFTER;
            return EventLoop.EntryAction.DETACH_ALL;
        }
        // Tampering belongs to the block: the handshake and the start marker run untouched.
        return state == State.RECORDING ? EventLoop.EntryAction.TRACE : EventLoop.EntryAction.TRACE_UNTAMPERED;
    }

    @Override
    public void accept(RawEvent e) throws InterruptedException {
        if (e instanceof RawEvent.End) {
            out.accept(e);
            return;
        }
        switch (state) {
            case BEFORE -> {
                if (e instanceof RawEvent.SyscallEntry en
                        && isMarker(en.arch(), en.nr(), en.args(), startValue)) {
                    markerTid = en.tid();
                    state = State.STARTING;
                }
            }
            case STARTING -> {
                if (e instanceof RawEvent.SyscallExit x && x.tid() == markerTid) state = State.RECORDING;
            }
            case RECORDING -> {
                // Attach records are the helper's own doing, not part of the block.
                if (e instanceof RawEvent.TaskStart t && t.how() == RawEvent.TaskStart.How.ATTACH) return;
                if (!reportLseek && filteredOut(e)) return;
                out.accept(e);
            }
            case AFTER -> { }
        }
    }

    /** An lseek entry, or the exit of one, that only the marker made the loop stop at. */
    private boolean filteredOut(RawEvent e) {
        if (e instanceof RawEvent.SyscallEntry en) {
            if (en.arch() != null && en.nr() == en.arch().syscallNumber("lseek")) {
                unreported.add(en.tid());
                return true;
            }
            unreported.remove(en.tid());
            return false;
        }
        if (e instanceof RawEvent.SyscallExit x) return unreported.remove(x.tid());
        if (e instanceof RawEvent.Exiting x) return unreported.remove(x.tid());
        if (e instanceof RawEvent.TaskExit x) unreported.remove(x.tid());
        return false;
    }
}

package dev.jstrace.self;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.EventLoop;
import dev.jstrace.proc.RawEvent;

/**
 * Cuts a self-trace session's event stream to the block between the two
 * markers: from the start marker's exit to the end marker's entry. Everything
 * before (the seize, the handshake the caller made while waiting for it, the
 * marker itself) and after is dropped here, in the helper, so the JVM
 * receives exactly the block's calls. Also the loop's {@link EventLoop.EntryHook}:
 * at the end marker's entry the loop detaches that thread right there (the
 * marker then runs untraced) and every other tracee at its next stop.
 *
 * <p>Runs on the session's tracer thread only.
 */
final class RecordingWindow implements EventLoop.EventSink {
    private enum State { BEFORE, STARTING, RECORDING, AFTER }

    private final long nonce;
    private final EventLoop.EventSink out;
    private State state = State.BEFORE;
    private int markerTid;

    RecordingWindow(HelperProtocol.Start start, EventLoop.EventSink out) {
        this.nonce = start.nonce();
        this.out = out;
    }

    /** Whether a syscall entry is the marker with {@code magic} of this session. */
    boolean isMarker(Arch arch, int nr, long[] args, long magic) {
        return arch != null && nr == arch.syscallNumber("fcntl") && (int) args[0] == -1
                && args[1] == HelperProtocol.F_GETFD && args[2] == magic && args[3] == nonce;
    }

    /** The entry hook: ends the recording, and the session, at the end marker. */
    EventLoop.EntryAction atEntry(int tid, Arch arch, int nr, long[] args) {
        if (state != State.AFTER && isMarker(arch, nr, args, HelperProtocol.END_MAGIC)) {
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
                        && isMarker(en.arch(), en.nr(), en.args(), HelperProtocol.START_MAGIC)) {
                    markerTid = en.tid();
                    state = State.STARTING;
                }
            }
            case STARTING -> {
                if (e instanceof RawEvent.SyscallExit x && x.tid() == markerTid) state = State.RECORDING;
            }
            case RECORDING -> {
                // Attach records are the helper's own doing, not part of the block.
                if (!(e instanceof RawEvent.TaskStart t && t.how() == RawEvent.TaskStart.How.ATTACH)) out.accept(e);
            }
            case AFTER -> { }
        }
    }
}

package dev.jstrace.self;

import dev.jstrace.proc.EventLoop;
import dev.jstrace.proc.RawEvent;
import java.util.concurrent.CompletableFuture;

/** One self-trace session in the shared helper: its event sink and its end. */
public final class HelperSession {
    private final HelperClient client;
    private final int id;
    private final EventLoop.EventSink sink;
    final CompletableFuture<Void> seized = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    volatile String failure;
    private volatile Throwable sinkFailure;

    HelperSession(HelperClient client, int id, EventLoop.EventSink sink) {
        this.client = client;
        this.id = id;
        this.sink = sink;
    }

    /** Runs on the reader thread; a failing sink is remembered and does not stop the stream. */
    void deliver(RawEvent e) {
        if (ended.isDone()) return;
        try {
            sink.accept(e);
        } catch (Throwable t) {
            if (sinkFailure == null) sinkFailure = t;
        }
        if (e instanceof RawEvent.End) ended.complete(null);
    }

    /** Detaches every tracee of the session now, without the end marker. */
    public void detach() {
        client.detach(id);
    }

    /** Completes once the sink has received {@link RawEvent.End}. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** What went wrong in the helper's loop, or null. */
    public String failure() {
        return failure;
    }

    /** What the sink threw first, or null. */
    public Throwable sinkFailure() {
        return sinkFailure;
    }
}

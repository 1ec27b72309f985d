package dev.jstrace.cli;

import dev.jstrace.decode.SignatureCatalog;
import dev.jstrace.ffi.RawSyscall;

/**
 * Start-up overlap: while the main thread parses options and sets up sinks
 * and the session, a second thread links the FFM downcall and builds the
 * syscall catalogue, the two largest one-off costs that the tracer thread
 * would otherwise pay in turn before the first stop (measured on a cold JVM:
 * ~10 ms and ~7 ms). Class initialisation is thread-safe: a thread that needs
 * one of them first simply waits for it.
 */
final class Warmup {
    private Warmup() {}

    static void start() {
        Thread.ofPlatform().name("jstrace-warmup").daemon(true).start(() -> {
            try {
                RawSyscall.link();
                SignatureCatalog.names();
            } catch (Throwable ignored) {
                // The thread that needs it reports the failure with its own context.
            }
        });
    }
}

package dev.jstrace.decode;

/**
 * A decoded syscall argument or result: structured, so that every sink can
 * render it its own way. (The decoding issue owns and extends this type.)
 */
public interface Value {
    /** The value as strace renders it. */
    String text();
}

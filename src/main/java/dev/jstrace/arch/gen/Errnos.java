package dev.jstrace.arch.gen;

/** PLACEHOLDER until scripts/ generates it: errno names and glibc messages. */
public final class Errnos {
    private Errnos() {}

    /** The errno's name, or null. */
    public static String name(int errno) {
        return switch (errno) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case 3 -> "ESRCH";
            case 4 -> "EINTR";
            case 10 -> "ECHILD";
            case 13 -> "EACCES";
            case 22 -> "EINVAL";
            default -> null;
        };
    }

    /** glibc's message for the errno, or null. */
    public static String message(int errno) {
        return switch (errno) {
            case 1 -> "Operation not permitted";
            case 2 -> "No such file or directory";
            case 3 -> "No such process";
            case 4 -> "Interrupted system call";
            case 10 -> "No child processes";
            case 13 -> "Permission denied";
            case 22 -> "Invalid argument";
            default -> null;
        };
    }
}

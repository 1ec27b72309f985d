package dev.jstrace.cli;

/**
 * A command line jstrace cannot run, with strace's wording. Main prints
 * {@code jstrace: MESSAGE} (and, when {@link #tryHelp()}, strace's
 * {@code Try 'jstrace -h' for more information.}) and exits with status 1.
 */
public final class UsageException extends Exception {
    private final boolean tryHelp;

    /**
     * @param message what is wrong, without the program name
     * @param tryHelp whether to add the {@code Try 'jstrace -h'} line (strace does for getopt-level errors)
     */
    public UsageException(String message, boolean tryHelp) {
        super(message);
        this.tryHelp = tryHelp;
    }

    /** Whether strace adds its {@code Try ... -h} line for this error. */
    public boolean tryHelp() {
        return tryHelp;
    }
}

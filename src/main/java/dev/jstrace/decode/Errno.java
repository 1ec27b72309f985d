package dev.jstrace.decode;

import dev.jstrace.arch.gen.Errnos;

/**
 * A failed call's error number, with the name and message strace prints for it
 * (from the header-generated {@link Errnos} table, kernel-internal codes included).
 *
 * @param number the positive errno ({@code 2} for ENOENT)
 */
public record Errno(int number) {
    /** {@return {@code ENOENT}; the number in decimal when it has no name} */
    public String name() {
        String n = Errnos.name(number);
        return n != null ? n : Integer.toString(number);
    }

    /** {@return whether the number has a name in the table} */
    public boolean known() {
        return Errnos.name(number) != null;
    }

    /** {@return strace's message for it ({@code No such file or directory}), or null when there is none} */
    public String message() {
        return Errnos.message(number);
    }

    /**
     * Whether it is one of the kernel's restart codes that strace prints as {@code = ?}
     * (ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK; not
     * ENOIOCTLCMD, which strace prints as {@code = -1}).
     *
     * @return whether it is a restart code
     */
    public boolean restart() {
        return number == 512 || number == 513 || number == 514 || number == 516;
    }

    /** {@return strace's text after {@code = }: {@code -1 ENOENT (No such file or directory)}} */
    public String straceResult() {
        String m = message();
        return (restart() ? "? " : "-1 ") + name() + (m == null ? "" : " (" + m + ")");
    }

    /** The name. */
    @Override
    public String toString() {
        return name();
    }
}

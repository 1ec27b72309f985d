package dev.jstrace.proc;

import dev.jstrace.arch.Arch;

/**
 * Decides, on the tracer thread and while the tracee is stopped, which tracee
 * memory a syscall's decoder will need: at entry for input arguments (paths,
 * write buffers), at exit for output arguments (read buffers, stat structs).
 * Implementations must be fast and must not block: the tracee waits.
 */
public interface CapturePlanner {
    /** A planner that copies nothing (raw output, or counting with {@code -c}). */
    CapturePlanner NONE = new CapturePlanner() {
        @Override
        public void atEntry(Arch arch, int nr, long[] args, TraceeMemory memory) {}

        @Override
        public void atExit(Arch arch, int nr, long[] args, long rval, boolean isError, TraceeMemory memory) {}
    };

    /** Called at syscall entry. {@code args} must not be kept. */
    void atEntry(Arch arch, int nr, long[] args, TraceeMemory memory);

    /** Called at syscall exit with the entry's arguments (aarch64 overwrites x0, so they come from entry). */
    void atExit(Arch arch, int nr, long[] args, long rval, boolean isError, TraceeMemory memory);
}

package dev.jstrace.proc;

import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.Ptrace;
import dev.jstrace.ffi.iovec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Writes bytes into a stopped tracee's memory (tampering's pokes):
 * {@code process_vm_writev}, else {@code PTRACE_POKEDATA} a word at a time
 * (it also writes read-only mappings, as a debugger must, and works where
 * process_vm_writev is refused). Tracer thread only.
 */
final class TraceeWriter {
    private TraceeWriter() {}

    /** Writes all of {@code data} at {@code address}; false when some of it could not be written. */
    static boolean write(int tid, long address, byte[] data) {
        if (data.length == 0) return false;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment local = a.allocate(data.length);
            MemorySegment.copy(data, 0, local, ValueLayout.JAVA_BYTE, 0, data.length);
            MemorySegment liov = a.allocate(iovec.layout());
            MemorySegment riov = a.allocate(iovec.layout());
            iovec.set(liov, 0, local.address(), data.length);
            iovec.set(riov, 0, address, data.length);
            if (Libc.process_vm_writev(tid, liov, 1, riov, 1) == data.length) return true;
            return pokeWords(tid, address, data, a);
        }
    }

    /** Word by word; a partial first or last word is read, merged and written back. */
    private static boolean pokeWords(int tid, long address, byte[] data, Arena a) {
        MemorySegment word = a.allocate(ValueLayout.JAVA_LONG);
        long start = address & ~7L;
        long end = address + data.length;
        for (long w = start; w < end; w += 8) {
            if (Ptrace.peekData(tid, w, word) != 0) return false;
            for (int i = 0; i < 8; i++) {
                long at = w + i;
                if (at >= address && at < end) word.set(ValueLayout.JAVA_BYTE, i, data[(int) (at - address)]);
            }
            if (Ptrace.ptrace(Ptrace.PTRACE_POKEDATA, tid, w, word.get(ValueLayout.JAVA_LONG, 0)) != 0) return false;
        }
        return true;
    }
}

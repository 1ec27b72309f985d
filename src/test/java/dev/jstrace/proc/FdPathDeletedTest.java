package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * strace's get_proc_pid_fd_path on real fds of this process: the kernel's {@code " (deleted)"} suffix is
 * taken off (and marked) only when the target no longer names the open file; a file really named
 * {@code "x (deleted)"} keeps its name (tests/fchmod.c in strace 6.1's suite).
 */
@Tag("unit")
class FdPathDeletedTest {
    /** The /proc/self/fd link whose target is {@code file}, found by scanning the table. */
    private static Path linkTo(Path file) throws Exception {
        try (var links = Files.list(Path.of("/proc/self/fd"))) {
            for (Path l : (Iterable<Path>) links::iterator) {
                try {
                    if (Files.readSymbolicLink(l).toString().startsWith(file.toString())) return l;
                } catch (Exception e) {
                    // The listing's own fd is gone by now.
                }
            }
        }
        return null;
    }

    @Test
    void anUnlinkedFileIsItsNameAndTheMarkAndAFileNamedDeletedIsItself() throws Exception {
        Path dir = Files.createTempDirectory("fdpath");
        Path unlinked = dir.resolve("sample");
        Path named = dir.resolve("other (deleted)");
        try (FileChannel a = FileChannel.open(unlinked, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileChannel b = FileChannel.open(named, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Files.delete(unlinked);
            Path la = linkTo(unlinked);
            Path lb = linkTo(named);
            assertNotNull(la);
            assertNotNull(lb);
            assertEquals(unlinked + Snapshot.DELETED_MARK,
                    ProcessMemory.deletedMarked(la, Files.readSymbolicLink(la).toString()));
            assertEquals(named.toString(), ProcessMemory.deletedMarked(lb, Files.readSymbolicLink(lb).toString()));
        } finally {
            Files.deleteIfExists(named);
            Files.deleteIfExists(dir);
        }
    }
}

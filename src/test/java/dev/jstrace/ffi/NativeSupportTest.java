package dev.jstrace.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errno a libc downcall captures reaches the caller as {@code -errno}. */
@Tag("unit")
class NativeSupportTest {
    @Test
    void capturedErrnoIsTheKernelsReason(@TempDir Path dir) throws Exception {
        assertEquals(-2, Fcntl.open(dir.resolve("missing").toString(), 0, 0), "ENOENT");
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals(-20, Fcntl.open(file.resolve("below").toString(), 0, 0), "ENOTDIR");
        int fd = Fcntl.open(file.toString(), 0, 0);
        assertTrue(fd >= 0, "open: " + fd);
        assertEquals(-9, Fcntl.fcntl(Integer.MAX_VALUE, 1 /* F_GETFD */, 0), "EBADF");
        Libc.close(fd);
    }
}

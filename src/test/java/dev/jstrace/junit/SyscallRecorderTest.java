package dev.jstrace.junit;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The extension on this project's own tests: what each assertion accepts and refuses, and how it says so. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyscallRecorderTest {
    @RegisterExtension
    static SyscallRecorder syscalls = SyscallRecorder.threadScope()
            .warmUp(() -> {
                Path warm = Files.createTempFile("warm", ".txt");
                Files.writeString(warm, "warm");
                Files.readString(warm);
                try (FileChannel c = FileChannel.open(warm, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                Files.delete(warm);
            });

    @Test
    void readOnlyAndOutsideTheDirectory(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.txt");
        Files.writeString(config, "x");
        Files.readString(config);
        RecordedSyscalls r = syscalls.recorded();
        r.assertNoNetworkCalls().assertNoFileOpenedOutside(dir);
        AssertionError written = assertThrows(AssertionError.class, () -> r.assertOpenedReadOnly(config));
        assertTrue(written.getMessage().contains("opened it for writing:\n    openat(AT_FDCWD, \"" + config + "\", O_WRONLY"),
                written.getMessage());
        AssertionError outside = assertThrows(AssertionError.class,
                () -> r.assertNoFileOpenedOutside(dir.resolve("sub")));
        assertTrue(outside.getMessage().startsWith("expected no file opened outside " + dir.resolve("sub")
                + ", but the code made 2:\n    openat("), outside.getMessage());
        assertTrue(r.distinctSyscalls().containsAll(java.util.Set.of("openat", "write", "read", "close")),
                r.distinctSyscalls()::toString);
        assertSame(r, syscalls.recorded(), "recorded() again returns the same calls");
    }

    @Test
    void aFileNeverOpenedIsNotOpenedReadOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.txt"), "x");
        AssertionError e = assertThrows(AssertionError.class,
                () -> syscalls.recorded().assertOpenedReadOnly(dir.resolve("none")));
        assertTrue(e.getMessage().contains("but it was not opened; the opens were:\n    openat("), e.getMessage());
    }

    @Test
    void atMostCountsCallsAndClasses(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("data");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(1);
            raf.getFD().sync();
            raf.write(2);
            raf.getFD().sync();
        }
        Files.readString(f);
        RecordedSyscalls r = syscalls.recorded();
        r.assertAtMost(2, "fsync").assertAtMost(0, "%network");
        AssertionError e = assertThrows(AssertionError.class, () -> r.assertAtMost(1, "fsync"));
        assertTrue(e.getMessage().matches("(?s)expected at most 1 fsync call, but the code made 2:\\n"
                + "    fsync\\(\\d+\\) = 0\\n    fsync\\(\\d+\\) = 0"), e.getMessage());
        assertThrows(AssertionError.class, () -> r.assertOpenedReadOnly(f), "RandomAccessFile \"rw\" opened it O_RDWR");
    }

    @Test
    void unknownNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> syscalls.recorded().assertAtMost(1, "fsnyc"));
        assertTrue(e.getMessage().contains("fsnyc"), e.getMessage());
    }

    @Test
    void recordedOutsideATestIsExplained() throws Exception {
        Thread other = new Thread(() -> assertThrows(IllegalStateException.class, syscalls::recorded));
        other.start();
        other.join();
    }
}

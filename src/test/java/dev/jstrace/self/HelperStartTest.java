package dev.jstrace.self;

import static org.junit.jupiter.api.Assertions.*;

import dev.jstrace.arch.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of a helper's start that need no traced process: the markers, the tid, the cache's name. */
@Tag("unit")
class HelperStartTest {
    private static final Arch ARCH = Arch.current();

    @Test
    void theMarkersAreLseeksThatOnlyTheirOwnSessionMatches() {
        int lseek = ARCH.syscallNumber("lseek");
        long nonce = 0x1234_5678_9abc_def0L;
        long start = BlockMarker.startValue(nonce);
        long end = BlockMarker.endValue(nonce);
        assertTrue(start >= 0 && end >= 0, "RandomAccessFile.seek refuses negative offsets");
        assertNotEquals(start, end);
        assertTrue(RecordingWindow.isMarker(ARCH, lseek, new long[] {7, start, 0, 0, 0, 0}, start));
        assertFalse(RecordingWindow.isMarker(ARCH, lseek, new long[] {7, start, 1, 0, 0, 0}, start), "SEEK_CUR");
        assertFalse(RecordingWindow.isMarker(ARCH, lseek, new long[] {7, end, 0, 0, 0, 0}, start));
        assertFalse(RecordingWindow.isMarker(ARCH, lseek, new long[] {7, BlockMarker.startValue(nonce + 1), 0, 0, 0, 0},
                start), "another session's marker");
        assertFalse(RecordingWindow.isMarker(ARCH, ARCH.syscallNumber("fcntl"), new long[] {7, start, 0, 0, 0, 0},
                start));
        // The calls themselves are harmless: /dev/null seeks anywhere.
        BlockMarker.start(nonce);
        BlockMarker.end(nonce);
    }

    @Test
    void theTidFromProcIsTheThreadsOwn() throws Exception {
        int main = BlockMarker.currentTid();
        int[] other = new int[1];
        Thread t = Thread.ofPlatform().start(() -> other[0] = BlockMarker.currentTid());
        t.join();
        assertNotEquals(main, other[0]);
        assertTrue(Files.isDirectory(Path.of("/proc/self/task/" + main)), "a thread of this process: " + main);
        assertEquals(dev.jstrace.ffi.Libc.gettid(), main, "the kernel's own answer");
    }

    @Test
    void aRebuiltJarGetsAnotherCacheAndADirectoryNone(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("lib.jar"), "first");
        List<String> where = List.of("-cp", jar.toString(), "dev.jstrace.self.SelfTraceHelper");
        List<String> before = HelperArchive.options(where);
        assertFalse(before.isEmpty(), "a class path of jars gets a cache");
        assertEquals(before, HelperArchive.options(where), "the same jar, the same cache");
        Files.writeString(jar, "second, longer");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertNotEquals(before, HelperArchive.options(where), "JDK 25 would map a stale cache of a rebuilt jar");
        assertEquals(List.of(), HelperArchive.options(List.of("-cp", jar + ":" + dir, "X")),
                "a directory on the path: the JVM archives only jars");
    }
}

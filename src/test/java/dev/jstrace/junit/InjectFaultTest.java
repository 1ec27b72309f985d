package dev.jstrace.junit;

import static org.junit.jupiter.api.Assertions.*;

import dev.jstrace.Syscall;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link InjectFault} through the recorder: the code under test sees the fault, the recording shows it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InjectFaultTest {
    @RegisterExtension
    static SyscallRecorder syscalls = SyscallRecorder.threadScope()
            .warmUp(() -> {
                Path warm = Files.createTempFile("warm", ".bin");
                try (FileOutputStream out = new FileOutputStream(warm.toFile())) {
                    out.write(new byte[] {1});
                }
                Files.delete(warm);
            });

    @Test
    @InjectFault(syscall = "write", error = "ENOSPC", when = "3")
    void theThirdWriteFailsWithAFullDisk(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("data.bin");
        IOException full;
        try (FileOutputStream out = new FileOutputStream(f.toFile())) {
            out.write(new byte[] {1});
            out.write(new byte[] {2});
            full = assertThrows(IOException.class, () -> out.write(new byte[] {3}));
            out.write(new byte[] {4});
        }
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        assertArrayEquals(new byte[] {1, 2, 4}, Files.readAllBytes(f), "the faulted write never ran");
        List<String> writes = syscalls.recorded().syscalls().stream().filter(s -> s.name().equals("write"))
                .map(Syscall::toString).toList();
        assertEquals(4, writes.size(), writes::toString);
        assertTrue(writes.get(2).contains("= -1 ENOSPC (No space left on device) (INJECTED)"), writes::toString);
        assertFalse(writes.get(3).contains("INJECTED"), writes::toString);
    }

    @Test
    @InjectFault(syscall = "openat", error = "EACCES")
    @InjectFault(syscall = "write", retval = "1", when = "1+")
    void repeatedFaultsEachApply(@TempDir Path dir) throws IOException {
        IOException denied = assertThrows(IOException.class, () -> Files.readString(dir.resolve("x")));
        assertTrue(denied.getMessage().contains("x"), denied.getMessage());
        assertTrue(syscalls.recorded().syscalls().stream()
                .anyMatch(s -> s.name().equals("openat") && s.toString().contains("EACCES (Permission denied) (INJECTED)")));
    }

    @Test
    void aTestWithoutTheAnnotationRunsUntouched(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.txt"), "fine");
        assertEquals("fine", Files.readString(dir.resolve("ok.txt")));
        assertTrue(syscalls.recorded().syscalls().stream().noneMatch(s -> s.toString().contains("INJECTED")));
    }

    @InjectFault(syscall = "opne", error = "EIO")
    void misspelt() {}

    @InjectFault(syscall = "write", error = "EIO", when = "every other")
    void badWhen() {}

    @InjectFault(syscall = "write")
    void noAction() {}

    @Test
    void mistakesAreRefusedNamingTheTestAndTheProblem() throws Exception {
        for (String name : List.of("misspelt", "badWhen", "noAction")) {
            Method m = InjectFaultTest.class.getDeclaredMethod(name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> syscalls.optionsFor(m));
            assertTrue(e.getMessage().startsWith("@InjectFault(syscall = \"") && e.getMessage().contains("." + name + ": "),
                    e.getMessage());
        }
    }
}

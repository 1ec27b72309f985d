package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The differential suite's normaliser: run-to-run noise goes, real differences stay. */
@Tag("unit")
class TraceNormalizerTest {
    @Test
    void procMapsTextIsAddressNoise() {
        // Seen in the emulated aarch64 machine: python reads /proc/self/maps; ASLR moves every line.
        assertEquals(TraceNormalizer.normalise(List.of(
                        "read(3, \"f872de000 ---p 00029000 fe:00 39\"..., 1024) = 1024",
                        "read(3</proc/1234/maps>, \"ef000-ffff873f0000 r--p 000af000\"..., 1024) = 918")),
                TraceNormalizer.normalise(List.of(
                        "read(3, \"fa47ae000 ---p 00029000 fe:00 39\"..., 1024) = 1024",
                        "read(3</proc/1234/maps>, \"bf000-ffffa48c0000 r--p 000af000\"..., 1024) = 918")));
        // Other reads keep their text.
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"hello\", 5) = 5")),
                TraceNormalizer.normalise(List.of("read(3, \"world\", 5) = 5")));
        // A different length is still a difference.
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"f872de000 ---p 00029000 fe:00 39\"..., 1024) = 1024")),
                TraceNormalizer.normalise(List.of("read(3, \"f872de000 ---p 00029000 fe:00 39\"..., 1024) = 918")));
    }

    @Test
    void aMapsReadStartingInsideALineNameIsAddressNoiseToo() {
        // Seen in the emulated riscv64 machine: python's 1024-byte reads of /proc/self/maps.
        assertEquals(TraceNormalizer.normalise(List.of("read(3, \"           [vdso]\\n7fffb33f0000-7\"..., 1024) = 532")),
                TraceNormalizer.normalise(List.of("read(3, \"           [vdso]\\n7fffbbb18000-7\"..., 1024) = 532")));
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"a line\\nanother\"..., 1024) = 532")),
                TraceNormalizer.normalise(List.of("read(3, \"a line\\nyet another\"..., 1024) = 532")));
    }

    @Test
    void aPidsDigitsInsideAnAddressAreTheAddresss() {
        // Seen in the riscv64 guest: pid 165 inside brk's 0x5555a165b000 made it 0x5555aPIDb000,
        // which the address rule then missed, so the two runs' lines differed.
        List<String> a = TraceNormalizer.normalise(List.of("165   brk(0x5555a165b000) = 0x5555a165b000",
                "165   getpid() = 165", "165   kill(165, SIGTERM) = 0"));
        List<String> b = TraceNormalizer.normalise(List.of("170   brk(0x5555b2231000) = 0x5555b2231000",
                "170   getpid() = 170", "170   kill(170, SIGTERM) = 0"));
        assertEquals(List.of("brk(0xADDR) = 0xADDR", "getpid() = PID", "kill(PID, SIGTERM) = 0"), a);
        assertEquals(a, b);
        // A pid after letters is still one: the JVM's attach file /tmp/.java_pid3096.
        assertEquals(List.of("newfstatat(AT_FDCWD, \"/tmp/.java_pidPID\", 0xADDR, 0) = -1 ENOENT"),
                TraceNormalizer.normalise(List.of(
                        "3096 newfstatat(AT_FDCWD, \"/tmp/.java_pid3096\", 0x7ffd2a3c1b20, 0) = -1 ENOENT")));
        // Seen in the aarch64 guest: pid 267 and the ELF header's e_machine byte, octal \267.
        assertEquals(List.of("read(3, \"\\177ELF\\2\\1\\1\\0\\3\\0\\267\\0\"..., 832) = 832", "exit_group(0) = ?"),
                TraceNormalizer.normalise(List.of("267 read(3, \"\\177ELF\\2\\1\\1\\0\\3\\0\\267\\0\"..., 832) = 832",
                        "267 exit_group(0) = ?")));
    }

    @Test
    void theJvmsReadsOfLiveCountersAreNoise() {
        // java -version in every run: /proc/stat, /proc/meminfo and the cgroup's memory.stat change by the moment.
        assertEquals(TraceNormalizer.normalise(List.of("read(3, \"cpu  39017 0 44377 37517 4537 0 \"..., 1024) = 412",
                        "read(4, \"        5780 kB\\nVmallocChunk:   \"..., 1024) = 536",
                        "read(4, \"cache 153886720\\nrss 2180698112\\nr\"..., 4096) = 897")),
                TraceNormalizer.normalise(List.of("read(3, \"cpu  41404 0 48024 39454 4826 0 \"..., 1024) = 413",
                        "read(4, \"        5988 kB\\nVmallocChunk:   \"..., 1024) = 536",
                        "read(4, \"cache 154812416\\nrss 2234863616\\nr\"..., 4096) = 899")));
        // The buffer size stays: a different request is a difference.
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"cpu  1 2\"..., 1024) = 412")),
                TraceNormalizer.normalise(List.of("read(3, \"cpu  1 2\"..., 4096) = 412")));
        // Other reads keep their counts.
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"cpus 1\", 1024) = 6")),
                TraceNormalizer.normalise(List.of("read(3, \"cpus 2\", 1024) = 6")));
    }

    @Test
    void aFieldsValueIsAPidOnlyWhenTheFieldNamesOne() {
        // Seen in the aarch64 guest: ls's directory had st_size=220, and one run's ls was pid 220.
        List<String> a = TraceNormalizer.normalise(List.of("220 fstat(3, {st_mode=S_IFDIR|0755, st_size=220, ...}) = 0",
                "220 kill(220, SIGTERM) = 0"));
        List<String> b = TraceNormalizer.normalise(List.of("219 fstat(3, {st_mode=S_IFDIR|0755, st_size=220, ...}) = 0",
                "219 kill(219, SIGTERM) = 0"));
        assertEquals(List.of("fstat(3, {st_mode=S_IFDIR|0755, st_size=220, ...}) = 0", "kill(PID, SIGTERM) = 0"), a);
        assertEquals(a, b);
        // A field that holds a pid is one, and a result or an argument stays one.
        assertEquals(List.of("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=PID, si_uid=0} ---",
                        "wait4(-1, NULL, 0, NULL) = PID", "set_tid_address(0xADDR) = PID"),
                TraceNormalizer.normalise(List.of("7 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8, si_uid=0} ---",
                        "7 wait4(-1, NULL, 0, NULL) = 8", "8 set_tid_address(0xffff9c0a8f10) = 8")));
    }

    @Test
    void theJvmsPeriodicTaskTicksAreItsWallTime() {
        // Seen in the aarch64 guest: java -version's "VM Periodic Task Thread" ticked 86 times more under
        // strace, whose run took longer. Its ticks go; its other lines, and other threads' ticks, stay.
        List<String> t = TraceNormalizer.normalise(List.of(
                "614 prctl(PR_SET_NAME, \"VM Periodic Tas\"...) = 0",
                "614 futex(0xffffaecf7230, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=1282, tv_nsec=509017824},"
                        + " FUTEX_BITSET_MATCH_ANY) = -1 ETIMEDOUT (Connection timed out)",
                "614 futex(0xffffaecf71e0, FUTEX_WAKE_PRIVATE, 1) = 0",
                "614 futex(0xffffaecf71e0, FUTEX_WAKE_PRIVATE, 1) = 1",
                "620 prctl(PR_SET_NAME, \"Monitor Deflati\"...) = 0",
                "620 futex(0xffffaecf7230, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=1282, tv_nsec=9},"
                        + " FUTEX_BITSET_MATCH_ANY) = -1 ETIMEDOUT (Connection timed out)",
                "615 futex(0xffffaecf71e0, FUTEX_WAKE_PRIVATE, 1) = 0",
                "615 futex(0xffffaecf7230, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=1, tv_nsec=2},"
                        + " FUTEX_BITSET_MATCH_ANY) = -1 ETIMEDOUT (Connection timed out)"));
        assertEquals(List.of("prctl(PR_SET_NAME, \"VM Periodic Tas\"...) = 0",
                "futex(0xADDR, FUTEX_WAKE_PRIVATE, 1) = 1", "prctl(PR_SET_NAME, \"Monitor Deflati\"...) = 0",
                "futex(0xADDR, FUTEX_WAKE_PRIVATE, 1) = 0",
                "futex(0xADDR, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=T, tv_nsec=T}, FUTEX_BITSET_MATCH_ANY)"
                        + " = -1 ETIMEDOUT (Connection timed out)"), t);
    }
}

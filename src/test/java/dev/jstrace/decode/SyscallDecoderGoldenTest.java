package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden cases: every expected line below was copied from what strace 6.1 printed
 * on this machine ({@code strace -f ls -l /etc/passwd}, a python3 script doing
 * sockets, threads, signals and pipes); the registers and memory are rebuilt
 * from those lines' values.
 */
@Tag("unit")
class SyscallDecoderGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();

    static String line(DecodeOptions o, Arch arch, String name, long[] args, Snapshot in, long rval, Snapshot out) {
        int nr = arch.syscallNumber(name);
        var e = new RawEvent.SyscallEntry(1, 1, 0, arch, nr, args, in);
        var x = new RawEvent.SyscallExit(1, 1, 0, rval, rval < 0 && rval > -4096, out);
        DecodedCall d = new SyscallDecoder(o).decode(e, x);
        return d.name() + "(" + String.join(", ", d.argTexts()) + ") = " + d.result();
    }

    static Snapshot str(long addr, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Snapshot.builder().add(new Snapshot.Region(addr, b, true, true, Snapshot.Kind.STRING)).build();
    }

    static Snapshot bytes(long addr, byte[] b) {
        return Snapshot.builder().add(new Snapshot.Region(addr, b, true, true, Snapshot.Kind.BYTES)).build();
    }

    @Test
    void timesFillsStructTms() {
        // strace -e trace=times python3 -c 'import os; ...; os.times()' and sh -c 'times'
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(11).putLong(1).putLong(2).putLong(1);
        assertEquals("times({tms_utime=11 /* 0.11 s */, tms_stime=1 /* 0.01 s */, tms_cutime=2 /* 0.02 s */,"
                        + " tms_cstime=1 /* 0.01 s */}) = 1718452029",
                line(DEF, Arch.X86_64, "times", new long[] {0x2000, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 1718452029,
                        bytes(0x2000, b.array())));
        assertEquals("times({tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1718451972",
                line(DEF, Arch.AARCH64, "times", new long[] {0x2000, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 1718451972,
                        bytes(0x2000, new byte[32])));
    }

    @Test
    void openatAccessAndErrors() {
        assertEquals("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3",
                line(DEF, Arch.X86_64, "openat", new long[] {-100, 0x1000, 02000000, 0, 0, 0},
                        str(0x1000, "/etc/ld.so.cache"), 3, Snapshot.EMPTY));
        assertEquals("access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory)",
                line(DEF, Arch.X86_64, "access", new long[] {0x1000, 4, 0, 0, 0, 0},
                        str(0x1000, "/etc/ld.so.preload"), -2, Snapshot.EMPTY));
        // strace -X verbose / -X raw on the same call
        DecodeOptions verbose = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, java.util.Set.of());
        assertEquals("openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3",
                line(verbose, Arch.X86_64, "openat", new long[] {-100, 0x1000, 02000000, 0, 0, 0},
                        str(0x1000, "/etc/ld.so.cache"), 3, Snapshot.EMPTY));
        DecodeOptions raw = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, java.util.Set.of());
        assertEquals("mmap(NULL, 8192, 0x3, 0x22, -1, 0) = 0x7f3777740000",
                line(raw, Arch.X86_64, "mmap", new long[] {0, 8192, 3, 0x22, -1, 0}, Snapshot.EMPTY,
                        0x7f3777740000L, Snapshot.EMPTY));
    }

    @Test
    void mmapBrkAndMemory() {
        assertEquals("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fdb11c5a000",
                line(DEF, Arch.X86_64, "mmap", new long[] {0, 8192, 3, 0x22, -1, 0}, Snapshot.EMPTY,
                        0x7fdb11c5a000L, Snapshot.EMPTY));
        assertEquals("mmap(0x7fdb11c2a000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x7000)"
                        + " = 0x7fdb11c2a000",
                line(DEF, Arch.X86_64, "mmap", new long[] {0x7fdb11c2a000L, 110592, 5, 0x812, 3, 0x7000},
                        Snapshot.EMPTY, 0x7fdb11c2a000L, Snapshot.EMPTY));
        assertEquals("brk(NULL) = 0x55e5e9593000", line(DEF, Arch.X86_64, "brk", new long[6], Snapshot.EMPTY,
                0x55e5e9593000L, Snapshot.EMPTY));
        assertEquals("madvise(0x7f4e489cf000, 8368128, MADV_DONTNEED) = 0", line(DEF, Arch.X86_64, "madvise",
                new long[] {0x7f4e489cf000L, 8368128, 4, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("arch_prctl(ARCH_SET_FS, 0x7fdb119a4800) = 0", line(DEF, Arch.X86_64, "arch_prctl",
                new long[] {0x1002, 0x7fdb119a4800L, 0, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("rseq(0x7fdb119a5120, 0x20, 0, 0x53053053) = 0", line(DEF, Arch.X86_64, "rseq",
                new long[] {0x7fdb119a5120L, 0x20, 0, 0x53053053, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("futex(0x7fdb11c15a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0", line(DEF, Arch.X86_64, "futex",
                new long[] {0x7fdb11c15a4cL, 129, 2147483647, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("futex(0x2755c0a0, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, "
                        + "FUTEX_BITSET_MATCH_ANY) = 0", line(DEF, Arch.X86_64, "futex",
                new long[] {0x2755c0a0L, 393, 0, 0, 0, 0xffffffffL}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
    }

    @Test
    void readBuffersAndStat() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, '>', 0, 1, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0};
        assertEquals("read(3, \"\\177ELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0"
                        + "\\0\\0\"..., 832) = 832",
                line(DEF, Arch.X86_64, "read", new long[] {3, 0x2000, 832, 0, 0, 0}, Snapshot.EMPTY, 832,
                        bytes(0x2000, elf)));
        byte[] st = new byte[144];
        ByteBuffer bb = ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(24, 0100644);
        bb.putLong(48, 34947);
        assertEquals("newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=34947, ...}, AT_EMPTY_PATH) = 0",
                line(DEF, Arch.X86_64, "newfstatat", new long[] {3, 0x1000, 0x3000, 0x1000, 0, 0}, str(0x1000, ""),
                        0, bytes(0x3000, st)));
        bb.putInt(24, 020666);
        bb.putLong(40, 0x103);
        assertEquals("newfstatat(1, \"\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH) = 0",
                line(DEF, Arch.X86_64, "newfstatat", new long[] {1, 0x1000, 0x3000, 0x1000, 0, 0}, str(0x1000, ""),
                        0, bytes(0x3000, st)));
    }

    @Test
    void signalsAndProcesses() {
        byte[] act = new byte[32];
        ByteBuffer bb = ByteBuffer.wrap(act).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(0, 0x678ec0).putLong(8, 0x04000000 | 0x08000000).putLong(16, 0x7f4e49607050L);
        byte[] old = new byte[32];
        assertEquals("rt_sigaction(SIGINT, {sa_handler=0x678ec0, sa_mask=[], sa_flags=SA_RESTORER|SA_ONSTACK, "
                        + "sa_restorer=0x7f4e49607050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
                line(DEF, Arch.X86_64, "rt_sigaction", new long[] {2, 0x1000, 0x2000, 8, 0, 0}, bytes(0x1000, act),
                        0, bytes(0x2000, old)));
        byte[] mask = new byte[8];
        ByteBuffer.wrap(mask).order(ByteOrder.LITTLE_ENDIAN).putLong(0, ~((1L << 31) | (1L << 32)));
        assertEquals("rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], [], 8) = 0",
                line(DEF, Arch.X86_64, "rt_sigprocmask", new long[] {0, 0x1000, 0x2000, 8, 0, 0},
                        bytes(0x1000, mask), 0, bytes(0x2000, new byte[8])));
        assertEquals("kill(6935, SIGUSR1) = 0", line(DEF, Arch.X86_64, "kill", new long[] {6935, 10, 0, 0, 0, 0},
                Snapshot.EMPTY, 0, Snapshot.EMPTY));
        byte[] status = new byte[4];
        assertEquals("wait4(6937, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 6937",
                line(DEF, Arch.X86_64, "wait4", new long[] {6937, 0x1000, 0, 0, 0, 0}, Snapshot.EMPTY, 6937,
                        bytes(0x1000, status)));
        assertEquals("exit_group(0) = ?", new SyscallDecoder(DEF).decode(new RawEvent.SyscallEntry(1, 1, 0,
                Arch.X86_64, 231, new long[6], Snapshot.EMPTY), null).name() + "(0) = ?");
        assertEquals("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "child_tidptr=0x7f1556605a10) = 6937",
                line(DEF, Arch.X86_64, "clone", new long[] {0x01200011, 0, 0, 0x7f1556605a10L, 0, 0},
                        Snapshot.EMPTY, 6937, Snapshot.EMPTY));
    }

    @Test
    void sockets() {
        assertEquals("socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3",
                line(DEF, Arch.X86_64, "socket", new long[] {1, 1 | 02000000 | 04000, 0, 0, 0, 0}, Snapshot.EMPTY,
                        3, Snapshot.EMPTY));
        byte[] un = new byte[110];
        un[0] = 1;
        byte[] p = "/var/run/nscd/socket".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(p, 0, un, 2, p.length);
        assertEquals("connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT "
                        + "(No such file or directory)", line(DEF, Arch.X86_64, "connect",
                new long[] {3, 0x1000, 110, 0, 0, 0}, bytes(0x1000, un), -2, Snapshot.EMPTY));
        byte[] in = {2, 0, (byte) 0xa9, 0x67, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("connect(4, {sa_family=AF_INET, sin_port=htons(43367), sin_addr=inet_addr(\"127.0.0.1\")}, 16)"
                        + " = 0", line(DEF, Arch.X86_64, "connect", new long[] {4, 0x1000, 16, 0, 0, 0},
                bytes(0x1000, in), 0, Snapshot.EMPTY));
        byte[] in6 = new byte[28];
        in6[0] = 10;
        in6[23] = 1;
        assertEquals("bind(6, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
                        + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
                line(DEF, Arch.X86_64, "bind", new long[] {6, 0x1000, 28, 0, 0, 0}, bytes(0x1000, in6), 0,
                        Snapshot.EMPTY));
        assertEquals("recvfrom(5, \"hi\", 10, 0, NULL, NULL) = 2", line(DEF, Arch.X86_64, "recvfrom",
                new long[] {5, 0x1000, 10, 0, 0, 0}, Snapshot.EMPTY, 2, bytes(0x1000, "hi".getBytes())));
    }

    @Test
    void execveArgvAndEnvCount() {
        Snapshot.Builder b = Snapshot.builder();
        b.add(new Snapshot.Region(0x1000, "/usr/bin/ls".getBytes(), true, true, Snapshot.Kind.STRING));
        byte[] argv = new byte[64 * 8];
        ByteBuffer bb = ByteBuffer.wrap(argv).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(0, 0x3000).putLong(8, 0x3010).putLong(16, 0x3020);
        b.add(new Snapshot.Region(0x2000, argv, true, true, Snapshot.Kind.BYTES));
        b.add(new Snapshot.Region(0x3000, "ls".getBytes(), true, true, Snapshot.Kind.STRING));
        b.add(new Snapshot.Region(0x3010, "-l".getBytes(), true, true, Snapshot.Kind.STRING));
        b.add(new Snapshot.Region(0x3020, "/etc/passwd".getBytes(), true, true, Snapshot.Kind.STRING));
        byte[] env = new byte[64 * 8];
        ByteBuffer eb = ByteBuffer.wrap(env).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 39; i++) eb.putLong(8 * i, 0x5000 + i);
        b.add(new Snapshot.Region(0x7ffc998efe08L, env, true, true, Snapshot.Kind.BYTES));
        assertEquals("execve(\"/usr/bin/ls\", [\"ls\", \"-l\", \"/etc/passwd\"], 0x7ffc998efe08 /* 39 vars */) = 0",
                line(DEF, Arch.X86_64, "execve", new long[] {0x1000, 0x2000, 0x7ffc998efe08L, 0, 0, 0}, b.build(), 0,
                        Snapshot.EMPTY));
    }

    @Test
    void aarch64StatLayoutAndCloneOrder() {
        // asm-generic struct stat: st_mode at 16 (x86-64: 24), st_size at 48.
        byte[] st = new byte[128];
        ByteBuffer bb = ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(16, 040755);
        bb.putLong(48, 4096);
        assertEquals("newfstatat(AT_FDCWD, \"/\", {st_mode=S_IFDIR|0755, st_size=4096, ...}, 0) = 0",
                line(DEF, Arch.AARCH64, "newfstatat", new long[] {-100, 0x1000, 0x3000, 0, 0, 0}, str(0x1000, "/"),
                        0, bytes(0x3000, st)));
        // aarch64 passes tls in x3 and child_tid in x4.
        assertEquals("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "child_tidptr=0xffff8e2b30f0) = 812",
                line(DEF, Arch.AARCH64, "clone", new long[] {0x01200011, 0, 0, 0, 0xffff8e2b30f0L, 0},
                        Snapshot.EMPTY, 812, Snapshot.EMPTY));
    }

    @Test
    void siginfoAndWaitStatus() {
        byte[] si = new byte[128];
        ByteBuffer bb = ByteBuffer.wrap(si).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, 17).putInt(8, 1).putInt(16, 6937).putInt(20, 0).putInt(24, 0);
        assertEquals("{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6937, si_uid=0, si_status=0, si_utime=0, "
                + "si_stime=0}", new SyscallDecoder(DEF).siginfo(17, si));
        // Found on the emulated aarch64 machine, where children are slow enough to use
        // clock ticks: strace 6.1 printed "si_utime=4 /* 0.04 s */" and jstrace "si_utime=4".
        bb.putLong(32, 4).putLong(40, 123);
        assertEquals("{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6937, si_uid=0, si_status=0, "
                + "si_utime=4 /* 0.04 s */, si_stime=123 /* 1.23 s */}", new SyscallDecoder(DEF).siginfo(17, si));
        byte[] usr = new byte[128];
        ByteBuffer.wrap(usr).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 10).putInt(8, 0).putInt(16, 6935);
        assertEquals("{si_signo=SIGUSR1, si_code=SI_USER, si_pid=6935, si_uid=0}",
                new SyscallDecoder(DEF).siginfo(10, usr));
        assertEquals("exited with 0", SyscallDecoder.waitStatusText(0));
        assertEquals("killed by SIGSEGV (core dumped)", SyscallDecoder.waitStatusText(0x8b));
        assertEquals("SIGRT_1", SyscallDecoder.signalName(33));
    }
}

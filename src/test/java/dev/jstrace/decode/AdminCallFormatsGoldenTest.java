package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The small calls strace 6.1 decodes with a function each (syslog, reboot, swapon, sethostname,
 * personality, unshare, setns, the module calls, fallocate, pkeys, xattr values, futex_waitv, kexec,
 * clone's exit part, get_robust_list); each expected line is one strace 6.1's suite expects (tests/*.c)
 * and strace 6.1 printed here.
 */
@Tag("unit")
class AdminCallFormatsGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();
    private static final DecodeOptions RAW = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());
    private static final long HIGH = 0xbadc0ded00000000L;

    private static String call(DecodeOptions o, String name, long[] args, Snapshot in, long rval, Snapshot out) {
        return line(o, Arch.X86_64, name, args, in, rval, out);
    }

    private static String call(String name, long rval, long... args) {
        long[] a = java.util.Arrays.copyOf(args, 6);
        return call(DEF, name, a, Snapshot.EMPTY, rval, Snapshot.EMPTY);
    }

    @Test
    void syslogPrintsItsTypeVerboseAndOnlyTheArgumentsTheTypeUses() {
        assertEquals("syslog(0 /* SYSLOG_ACTION_CLOSE */) = 0", call("syslog", 0, HIGH, 0xfacefeeddeadbeefL, -1));
        assertEquals("syslog(9 /* SYSLOG_ACTION_SIZE_UNREAD */) = 90603",
                call("syslog", 90603, HIGH | 9, 0xfacefeeddeadbeefL, -1));
        assertEquals("syslog(-17973521 /* SYSLOG_ACTION_??? */, NULL, -1) = -1 EINVAL (Invalid argument)",
                call("syslog", -22, 0xfeedbeefL, 0, -1));
        assertEquals("syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 8 /* LOGLEVEL_DEBUG+1 */)"
                + " = 0", call("syslog", 0, HIGH | 8, 0xfacefeeddeadbeefL, 8));
        assertEquals("syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 9 /* LOGLEVEL_??? */)"
                + " = -1 EINVAL (Invalid argument)", call("syslog", -22, HIGH | 8, 0xfacefeeddeadbeefL, 9));
    }

    @Test
    void rebootNamesItsMagicsAndTheRestartString() {
        assertEquals("reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_CAD_OFF)"
                + " = -1 EINVAL (Invalid argument)", call("reboot", -22, 0, 0, 0, 0));
        Snapshot arg = bytes(0x1000, "reboot\0".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2,"
                + " \"reboot\") = -1 EINVAL (Invalid argument)", call(DEF, "reboot",
                new long[] {0xfee1deadL, 0x13111992L, 0xa1b2c3d4L, 0x1000, 0, 0}, arg, -22, Snapshot.EMPTY));
    }

    @Test
    void swaponSplitsFlagsFromThePriority() {
        Snapshot path = str(0x1000, "swap.sample");
        assertEquals("swapon(\"swap.sample\", SWAP_FLAG_PREFER|0) = -1 ENOENT (No such file or directory)",
                call(DEF, "swapon", new long[] {0x1000, 0x8000, 0, 0, 0, 0}, path, -2, Snapshot.EMPTY));
        assertEquals("swapon(\"swap.sample\", 42) = -1 ENOENT (No such file or directory)",
                call(DEF, "swapon", new long[] {0x1000, 42, 0, 0, 0, 0}, path, -2, Snapshot.EMPTY));
    }

    @Test
    void hostnameLengthIsAnUnsignedIntAndALongNameIsAnAddress() {
        assertEquals("sethostname(NULL, 64) = -1 EFAULT (Bad address)",
                call("sethostname", -14, 0, 0xffffffff00000040L));
        assertEquals("sethostname(0x7f2847035fbf, 65) = -1 EINVAL (Invalid argument)",
                call("sethostname", -22, 0x7f2847035fbfL, 65));
    }

    @Test
    void personalityPrintsTypeAndFlagsAndTheResultTheSameWay() {
        assertEquals("personality(PER_BSD|SHORT_INODE|WHOLE_SECONDS|STICKY_TIMEOUTS) = 0x6 (PER_BSD)",
                call("personality", 6, 0x7000006));
        assertEquals("personality(0xffffffff) = 0 (PER_LINUX)", call("personality", 0, 0xffffffffL));
        assertEquals("personality(0x1f /* PER_??? */|0x10000) = 0x700001f (0x1f /* PER_??? */|SHORT_INODE"
                + "|WHOLE_SECONDS|STICKY_TIMEOUTS)", call("personality", 0x700001f, 0x1001f));
        assertEquals("personality(0x6 /* PER_BSD */|0x10000) = 0x7000006 (0x6 /* PER_BSD */|0x7000000 /* SHORT_INODE"
                + "|WHOLE_SECONDS|STICKY_TIMEOUTS */)", call(VERBOSE, "personality",
                new long[] {0x10006, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 0x7000006, Snapshot.EMPTY));
        assertEquals("personality(0x6|0x7000000) = 0x6 (0x6)", call(RAW, "personality",
                new long[] {0x7000006, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 6, Snapshot.EMPTY));
    }

    @Test
    void namespaceAndModuleCalls() {
        assertEquals("unshare(0xbadc0ded0000000f /* CLONE_??? */) = -1 EINVAL (Invalid argument)",
                call("unshare", -22, HIGH | 0xf));
        assertEquals("setns(-559038242, CLONE_NEWNS) = -1 EBADF (Bad file descriptor)",
                call("setns", -9, 0xdefaceddeadc0deL, 0xdefaced00020000L));
        assertEquals("delete_module(NULL, 0) = -1 ENOSYS (Function not implemented)",
                call("delete_module", -38, 0, 0xffffffff00000000L));
        assertEquals("finit_module(0, NULL, 0) = -1 ENOSYS (Function not implemented)",
                call("finit_module", -38, 0xffffffff00000000L, 0, 0xffffffff00000000L));
        assertEquals("iopl(4) = -1 ENOSYS (Function not implemented)", call("iopl", -38, 4));
    }

    @Test
    void fileAndMemoryCalls() {
        assertEquals("fallocate(-1091568946, FALLOC_FL_KEEP_SIZE|FALLOC_FL_NO_HIDE_STALE|FALLOC_FL_ZERO_RANGE"
                + "|FALLOC_FL_INSERT_RANGE|FALLOC_FL_UNSHARE_RANGE|0xdeadca00, -4982091772554768297,"
                + " -4981072530422836763) = -1 EBADF (Bad file descriptor)", call("fallocate", -9,
                0xdeadbeefbeeffaceL, 0xdeadca75L, 0xbadc0dedda7a1057L, 0xbadfaceca7b0d1e5L));
        assertEquals("pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_EXECUTE|0xdec0de8) = -1 EINVAL"
                + " (Invalid argument)", call("pkey_alloc", -22, 0, 0xdec0ded));
        assertEquals("mlock2(0xfacefeeddeadbeef, 14627392581506174445, MLOCK_ONFAULT|0xfffffffe) = -1 EINVAL"
                + " (Invalid argument)", call("mlock2", -22, 0xfacefeeddeadbeefL, 0xcafef00dbadc0dedL, -1));
        assertEquals("memfd_secret(0xde97face) = -1 EINVAL (Invalid argument)",
                call("memfd_secret", -22, 0xbeefcafede97faceL));
        assertEquals("process_mrelease(-1, 0) = -1 EBADF (Bad file descriptor)",
                call("process_mrelease", -9, 0xbadc0dedffffffffL, HIGH));
    }

    @Test
    void xattrValueLosesItsTrailingNul() {
        Snapshot in = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, "user.a".getBytes(StandardCharsets.ISO_8859_1), true, true,
                        Snapshot.Kind.STRING))
                .add(new Snapshot.Region(0x2000, "foo\0".getBytes(StandardCharsets.ISO_8859_1), true, true,
                        Snapshot.Kind.BYTES)).build();
        assertEquals("fsetxattr(-1, \"user.a\", \"foo\", 4, XATTR_REPLACE) = -1 EBADF (Bad file descriptor)",
                call(DEF, "fsetxattr", new long[] {-1, 0x1000, 0x2000, 4, 2, 0}, in, -9, Snapshot.EMPTY));
        assertEquals("fgetxattr(-1, \"user.a\", 0x2000, 4) = -1 EBADF (Bad file descriptor)",
                call(DEF, "fgetxattr", new long[] {-1, 0x1000, 0x2000, 4, 0, 0}, in, -9, Snapshot.EMPTY));
    }

    @Test
    void futexWaitvPrintsItsWaiters() {
        ByteBuffer w = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).putLong(0)
                .putInt(0xffffffff).putInt(-1);
        assertEquals("futex_waitv([{val=0xffffffffffffffff, uaddr=NULL, flags=FUTEX_32|FUTEX_PRIVATE_FLAG|0xffffff7d,"
                + " __reserved=0xffffffff}], 1, 0, NULL, CLOCK_MONOTONIC) = -1 EINVAL (Invalid argument)",
                call(DEF, "futex_waitv", new long[] {0x1000, 0xdefaced00000001L, 0xdefaced00000000L, 0,
                        0xdefaced00000001L, 0}, bytes(0x1000, w.array()), -22, Snapshot.EMPTY));
        assertEquals("futex_waitv(NULL, 1, 0xffffffff, NULL, CLOCK_MONOTONIC) = -1 EINVAL (Invalid argument)",
                call("futex_waitv", -22, 0, 0xdefaced00000001L, 0xdefacedffffffffL, 0, 0xdefaced00000001L));
    }

    @Test
    void kexecFlagsAreTheArchThenTheFlags() {
        assertEquals("kexec_load(NULL, 0, NULL, 0xda7a0000 /* KEXEC_ARCH_??? */|0xbadc0ded00001054 /* KEXEC_??? */)"
                + " = -1 ENOSYS (Function not implemented)", call("kexec_load", -38, 0, 0, 0, 0xbadc0dedda7a1054L));
        assertEquals("kexec_load(0xdeadca57badda7a1, 17, 0x7f018beacde0, KEXEC_ARCH_SH|KEXEC_ON_CRASH"
                + "|KEXEC_PRESERVE_CONTEXT) = -1 ENOSYS (Function not implemented)",
                call("kexec_load", -38, 0xdeadca57badda7a1L, 17, 0x7f018beacde0L, 0x2a0003));
    }

    @Test
    void cloneStoresTheParentTidAtExitAfterTheFlags() {
        // x86-64 clone(flags, stack, parent_tid, child_tid, tls); CLONE_PARENT_SETTID|SIGCHLD
        Snapshot out = bytes(0x3000, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(14812).array());
        assertEquals("clone(child_stack=0x7fd2ed388ff0, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[14812]) = 14812",
                call(DEF, "clone", new long[] {0x100011, 0x7fd2ed388ff0L, 0x3000, 0, 0, 0}, Snapshot.EMPTY, 14812,
                        out));
    }

    @Test
    void getRobustListPrintsWhatTheKernelStored() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        Snapshot out = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, b.putLong(0, 0x7f9737490a20L).array().clone(), true, true,
                        Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x2000, b.putLong(0, 24).array().clone(), true, true, Snapshot.Kind.BYTES))
                .build();
        assertEquals("get_robust_list(12260, [0x7f9737490a20], [24]) = 0",
                call(DEF, "get_robust_list", new long[] {12260, 0x1000, 0x2000, 0, 0, 0}, Snapshot.EMPTY, 0, out));
        assertEquals("get_robust_list(0, NULL, NULL) = -1 EFAULT (Bad address)", call("get_robust_list", -14, 0, 0, 0));
    }

    @Test
    void timexSysctlUstatAndSigtimedwait() {
        assertEquals("adjtimex(NULL) = -1 EFAULT (Bad address)", call("adjtimex", -14, 0));
        assertEquals("clock_adjtime(CLOCK_REALTIME, 0x7efc02f14fff) = -1 EFAULT (Bad address)",
                call("clock_adjtime", -14, 0, 0x7efc02f14fffL));
        assertEquals("_sysctl({name=NULL, nlen=0, oldval=NULL, oldlenp=NULL, newval=NULL, newlen=0}) = -1 ENOSYS"
                + " (Function not implemented)", call(DEF, "_sysctl", new long[] {0x1000, 0, 0, 0, 0, 0},
                bytes(0x1000, new byte[80]), -38, Snapshot.EMPTY));
        assertEquals("ustat(makedev(0xfff, 0xfffff), NULL) = -1 EINVAL (Invalid argument)",
                call("ustat", -22, 0xfacefeedffffffffL, 0));
        ByteBuffer ts = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(42);
        assertEquals("rt_sigtimedwait(0x7f27c781af80, NULL, {tv_sec=0, tv_nsec=42}, 128) = -1 EINVAL"
                + " (Invalid argument)", call(DEF, "rt_sigtimedwait", new long[] {0x7f27c781af80L, 0, 0x2000, 128, 0, 0},
                bytes(0x2000, ts.array()), -22, Snapshot.EMPTY));
    }

    @Test
    void userDescAndModifyLdtsIntResult() {
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0x83828180).putInt(0x87868584)
                .putInt(0x8b8a8988).putInt(0x8f8e8d8c);
        String desc = "{entry_number=2206368128, base_addr=0x87868584, limit=0x8b8a8988, seg_32bit=0, contents=2,"
                + " read_exec_only=1, limit_in_pages=0, seg_not_present=0, useable=0, lm=1}";
        assertEquals("set_thread_area(" + desc + ") = -1 ENOSYS (Function not implemented)", call(DEF,
                "set_thread_area", new long[] {0x1000, 0, 0, 0, 0, 0}, bytes(0x1000, d.array()), -38, Snapshot.EMPTY));
        assertEquals("modify_ldt(-629534633, " + desc + ", 16) = 4294967258 ENOSYS (Function not implemented)",
                call(DEF, "modify_ldt", new long[] {0xbadc0dedda7a1057L, 0x1000, 16, 0, 0, 0},
                        bytes(0x1000, d.array()), 0xffffffdaL, Snapshot.EMPTY));
        assertEquals("get_thread_area({entry_number=-1, ...}) = -1 ENOSYS (Function not implemented)",
                call(DEF, "get_thread_area", new long[] {0x1000, 0, 0, 0, 0, 0},
                        bytes(0x1000, new byte[] {-1, -1, -1, -1}), -38, Snapshot.EMPTY));
        assertEquals("modify_ldt(0, NULL, 0) = 0", call("modify_ldt", 0, 0, 0, 0));
    }

    @Test
    void processMadviseIovecsAreTheOtherProcesssAddresses() {
        ByteBuffer iov = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0x8786858483828180L)
                .putLong(0x8f8e8d8c8b8a8988L);
        assertEquals("process_madvise(0, [{iov_base=0x8786858483828180, iov_len=10344361028892658056}], 1,"
                + " MADV_NORMAL, 0) = -1 EINVAL (Invalid argument)", call(DEF, "process_madvise",
                new long[] {0, 0x1000, 1, 0, 0, 0}, bytes(0x1000, iov.array()), -22, Snapshot.EMPTY));
    }
}

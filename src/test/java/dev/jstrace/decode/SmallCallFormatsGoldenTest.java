package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ioprio_*, getcpu, sendfile, mincore, sched_*, kcmp, timerfd_* and inotify_add_watch as
 * strace 6.1 prints them; each expected line is one strace's suite expects (tests/*.c)
 * and strace 6.1 printed here.
 */
@Tag("unit")
class SmallCallFormatsGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();
    private static final DecodeOptions RAW = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());

    private static String call(DecodeOptions o, String name, long[] args, Snapshot in, long rval, Snapshot out) {
        return line(o, Arch.X86_64, name, args, in, rval, out);
    }

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < Math.min(n, 8); i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    @Test
    void ioprio() {
        long[] bogus = {0xdeadfacefa57beefL, 0xbadc0dedda7a1057L, 0, 0, 0, 0};
        assertEquals("ioprio_get(0xfa57beef /* IOPRIO_WHO_??? */, -629534633) = -1 EINVAL (Invalid argument)",
                call(DEF, "ioprio_get", bogus, Snapshot.EMPTY, -22, Snapshot.EMPTY));
        assertEquals("ioprio_get(IOPRIO_WHO_PROCESS, 29990) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))",
                call(DEF, "ioprio_get", new long[] {1, 29990, 0, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("ioprio_get(0x1, 29990) = 0",
                call(RAW, "ioprio_get", new long[] {1, 29990, 0, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("ioprio_set(0x2 /* IOPRIO_WHO_PGRP */, 29600, 8191 /* IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */,"
                        + " 8191) */) = -1 EINVAL (Invalid argument)",
                call(VERBOSE, "ioprio_set", new long[] {2, 29600, 8191, 0, 0, 0}, Snapshot.EMPTY, -22, Snapshot.EMPTY));
    }

    @Test
    void pointersFollowedAtExit() {
        assertEquals("getcpu(NULL, NULL, NULL) = 0",
                call(DEF, "getcpu", new long[] {0, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        Snapshot cpu = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, le(1, 4), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x2000, le(0, 4), true, true, Snapshot.Kind.BYTES)).build();
        assertEquals("getcpu([1], [0], 0x3000) = 0",
                call(DEF, "getcpu", new long[] {0x1000, 0x2000, 0x3000, 0, 0, 0}, Snapshot.EMPTY, 0, cpu));
        assertEquals("mincore(0x7fa255a03000, 4096, [1]) = 0",
                call(DEF, "mincore", new long[] {0x7fa255a03000L, 4096, 0x5000, 0, 0, 0}, Snapshot.EMPTY, 0,
                        bytes(0x5000, new byte[] {1})));
        assertEquals("sendfile(5, 6, [0] => [35499], 35499) = 35499",
                call(DEF, "sendfile", new long[] {5, 6, 0x6000, 35499, 0, 0}, bytes(0x6000, le(0, 8)), 35499,
                        bytes(0x6000, le(35499, 8))));
        assertEquals("sendfile(5, 6, NULL, 1) = -1 EINVAL (Invalid argument)",
                call(DEF, "sendfile", new long[] {5, 6, 0, 1, 0, 0}, Snapshot.EMPTY, -22, Snapshot.EMPTY));
    }

    @Test
    void sched() {
        assertEquals("sched_getscheduler(26734) = 0 (SCHED_OTHER)",
                call(DEF, "sched_getscheduler", new long[] {26734, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("sched_setscheduler(26734, 0xfaceda7a /* SCHED_??? */, [-1]) = -1 EINVAL (Invalid argument)",
                call(DEF, "sched_setscheduler", new long[] {26734, 0xfaceda7aL, 0x1000, 0, 0, 0},
                        bytes(0x1000, le(-1, 4)), -22, Snapshot.EMPTY));
        assertEquals("sched_getparam(26857, [0]) = 0",
                call(DEF, "sched_getparam", new long[] {26857, 0x1000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                        bytes(0x1000, le(0, 4))));
        assertEquals("sched_setaffinity(26525, 8, [1]) = 0",
                call(DEF, "sched_setaffinity", new long[] {26525, 8, 0x1000, 0, 0, 0}, bytes(0x1000, le(2, 8)), 0,
                        Snapshot.EMPTY));
        assertEquals("sched_getaffinity(16830, 128, [1]) = 32",
                call(DEF, "sched_getaffinity", new long[] {16830, 128, 0x1000, 0, 0, 0}, Snapshot.EMPTY, 32,
                        bytes(0x1000, le(2, 32))));
        assertEquals("sched_setattr(0, {size=1} => {size=56}, 0) = -1 E2BIG (Argument list too long)",
                call(DEF, "sched_setattr", new long[] {0, 0x1000, 0, 0, 0, 0}, bytes(0x1000, le(1, 56)), -7,
                        bytes(0x1000, le(56, 4))));
    }

    @Test
    void otherFlagSets() {
        assertEquals("kcmp(-87158697, -553988398, 0xda7adead /* KCMP_??? */, 0xdec0ded3dec0ded4, 0xba5e1e55deadc0de)"
                        + " = -1 ESRCH (No such process)",
                call(DEF, "kcmp", new long[] {0xdeadca75face1057L, 0xdefaced1defaced2L, 0xbadc0dedda7adeadL,
                        0xdec0ded3dec0ded4L, 0xba5e1e55deadc0deL, 0}, Snapshot.EMPTY, -3, Snapshot.EMPTY));
        assertEquals("inotify_add_watch(-1, NULL, IN_ACCESS|IN_ONESHOT|0x8ff1000) = -1 EBADF (Bad file descriptor)",
                call(DEF, "inotify_add_watch", new long[] {-1, 0, 0x88ff1001L, 0, 0, 0}, Snapshot.EMPTY, -9,
                        Snapshot.EMPTY));
        assertEquals("timerfd_gettime(0, NULL) = -1 EFAULT (Bad address)",
                call(DEF, "timerfd_gettime", new long[] {0, 0, 0, 0, 0, 0}, Snapshot.EMPTY, -14, Snapshot.EMPTY));
    }

    @Test
    void keysAndQueues() {
        assertEquals("add_key(NULL, NULL, NULL, 0, -1234567890) = -1 EFAULT (Bad address)",
                call(DEF, "add_key", new long[] {0, 0, 0, 0, -1234567890, 0}, Snapshot.EMPTY, -14, Snapshot.EMPTY));
        assertEquals("request_key(NULL, NULL, NULL, KEY_SPEC_SESSION_KEYRING) = -1 EFAULT (Bad address)",
                call(DEF, "request_key", new long[] {0, 0, 0, -3, 0, 0}, Snapshot.EMPTY, -14, Snapshot.EMPTY));
        // A string that runs into unreadable memory before its NUL prints as its address.
        Snapshot cut = Snapshot.builder().add(new Snapshot.Region(0x1ffb, new byte[] {6, 7, 8, 9, 10}, true, false,
                Snapshot.Kind.STRING)).build();
        assertEquals("add_key(NULL, 0x1ffb, NULL, 0, 0) = -1 EFAULT (Bad address)",
                call(DEF, "add_key", new long[] {0, 0x1ffb, 0, 0, 0, 0}, cut, -14, Snapshot.EMPTY));
        assertEquals("mq_open(0x1000, O_ACCMODE|O_CREAT, 0177355, NULL) = -1 EFAULT (Bad address)",
                call(DEF, "mq_open", new long[] {0x1000, 0103, 037263577355L, 0, 0, 0}, Snapshot.EMPTY, -14,
                        Snapshot.EMPTY));
        byte[] attr = new byte[64];
        attr[8] = 10;
        attr[17] = 0x20;
        assertEquals("mq_getsetattr(0, NULL, {mq_flags=0, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=0}) = 0",
                call(DEF, "mq_getsetattr", new long[] {0, 0, 0x3000, 0, 0, 0}, Snapshot.EMPTY, 0,
                        bytes(0x3000, attr)));
    }

    @Test
    void systemVIpc() {
        assertEquals("shmat(-38177487, 0xdec0ded1dec0ded2, SHM_RDONLY|SHM_RND|SHM_REMAP|SHM_EXEC|0xffff0ace)"
                        + " = -1 EINVAL (Invalid argument)",
                call(DEF, "shmat", new long[] {0xdefacedfdb97531L, 0xdec0ded1dec0ded2L, 0xfffffaceL, 0, 0, 0},
                        Snapshot.EMPTY, -22, Snapshot.EMPTY));
        assertEquals("shmat(14, NULL, SHM_RDONLY) = 0x7f7262f09000",
                call(DEF, "shmat", new long[] {14, 0, 0x1000, 0, 0, 0}, Snapshot.EMPTY, 0x7f7262f09000L,
                        Snapshot.EMPTY));
        assertEquals("msgget(IPC_PRIVATE, IPC_CREAT|0600) = 5",
                call(DEF, "msgget", new long[] {0, 01600, 0, 0, 0, 0}, Snapshot.EMPTY, 5, Snapshot.EMPTY));
        assertEquals("msgget(0 /* IPC_PRIVATE */, 0x200 /* IPC_CREAT */|0600) = 5",
                call(VERBOSE, "msgget", new long[] {0, 01600, 0, 0, 0, 0}, Snapshot.EMPTY, 5, Snapshot.EMPTY));
        byte[] sops = {(byte) 0xce, (byte) 0xfa, 0x0d, (byte) 0xf0, (byte) 0xef, (byte) 0xbe};
        assertEquals("semop(-38177487, [{sem_num=64206, sem_op=-4083, sem_flg=SEM_UNDO|IPC_NOWAIT|0xa6ef}, ..."
                        + " /* 0x1006 */], 2) = -1 EFAULT (Bad address)",
                call(DEF, "semop", new long[] {0xdefacedfdb97531L, 0x1000, 0xdefaced00000002L, 0, 0, 0},
                        bytes(0x1000, sops), -14, Snapshot.EMPTY));
    }

    @Test
    void seccompFilterUnderVerbose() {
        DecodeOptions v = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        byte[] fprog = new byte[16];
        fprog[0] = 3;
        fprog[9] = 0x20;
        byte[] insns = {
            0x20, 0, 0, 0, 0, 0, 0, 0,
            0x15, 0, 0, 1, 0x3c, 0, 0, 0,
            0x06, 0, 0, 0, 0x10, 0, 0x05, 0};
        Snapshot in = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, fprog, true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x2000, insns, true, true, Snapshot.Kind.BYTES)).build();
        assertEquals("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=3, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0),"
                        + " BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x10)]})"
                        + " = 0",
                call(v, "seccomp", new long[] {1, 0, 0x1000, 0, 0, 0}, in, 0, Snapshot.EMPTY));
        assertEquals("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=3, filter=0x2000}) = 0",
                call(DEF, "seccomp", new long[] {1, 0, 0x1000, 0, 0, 0}, in, 0, Snapshot.EMPTY));
    }

    @Test
    void fcntlLocksAndOwners() {
        // F_GETLK's lock is the kernel's answer: it belongs to the exit part (the sink prints the entry part
        // from the entry record, where it showed as the address).
        byte[] lock = new byte[32];
        lock[0] = 2;
        lock[17] = 0x10;
        int nr = Arch.X86_64.syscallNumber("fcntl");
        var e = new dev.jstrace.proc.RawEvent.SyscallEntry(1, 1, 0, Arch.X86_64, nr, new long[] {0, 5, 0x1000, 0, 0, 0},
                Snapshot.EMPTY);
        var x = new dev.jstrace.proc.RawEvent.SyscallExit(1, 1, 0, 0, false, bytes(0x1000, lock));
        DecodedCall d = new SyscallDecoder(DEF).decode(e, x);
        assertEquals(2, d.entryArgCount());
        assertEquals("{l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=4096, l_pid=0}", d.argTexts().get(2));
        byte[] owner = {0, 0, 0, 0, (byte) 0xd2, 0x02, (byte) 0x96, 0x49};
        assertEquals("fcntl(0, F_SETOWN_EX, {type=F_OWNER_TID, pid=1234567890}) = -1 ESRCH (No such process)",
                call(DEF, "fcntl", new long[] {0, 15, 0x2000, 0, 0, 0}, bytes(0x2000, owner), -3, Snapshot.EMPTY));
    }

    @Test
    void timesUnderXlatRawHasNoSeconds() {
        byte[] tms = new byte[32];
        tms[0] = 28;
        assertEquals("times({tms_utime=28, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1718559754",
                call(RAW, "times", new long[] {0x1000, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 1718559754, bytes(0x1000, tms)));
    }

    @Test
    void fcntlLeasesSignalsAndNotify() {
        assertEquals("fcntl(0, F_NOTIFY, DN_ACCESS) = -1 ENOTDIR (Not a directory)",
                call(DEF, "fcntl", new long[] {0, 1026, 1, 0, 0, 0}, Snapshot.EMPTY, -20, Snapshot.EMPTY));
        assertEquals("fcntl(1, F_SETLEASE, F_RDLCK) = -1 EAGAIN (Resource temporarily unavailable)",
                call(DEF, "fcntl", new long[] {1, 1024, 0, 0, 0, 0}, Snapshot.EMPTY, -11, Snapshot.EMPTY));
        assertEquals("fcntl(1, F_SETSIG, SIGHUP) = 0",
                call(DEF, "fcntl", new long[] {1, 10, 1, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("fcntl(1, F_GETLEASE) = 0x2 (F_UNLCK)",
                call(DEF, "fcntl", new long[] {1, 1025, 0, 0, 0, 0}, Snapshot.EMPTY, 2, Snapshot.EMPTY));
        assertEquals("fcntl(1, F_GETSIG) = 1 (SIGHUP)",
                call(DEF, "fcntl", new long[] {1, 11, 0, 0, 0, 0}, Snapshot.EMPTY, 1, Snapshot.EMPTY));
        assertEquals("fcntl(3, F_GET_SEALS) = 0x3 (seals F_SEAL_SEAL|F_SEAL_SHRINK)",
                call(DEF, "fcntl", new long[] {3, 1034, 0, 0, 0, 0}, Snapshot.EMPTY, 3, Snapshot.EMPTY));
    }
}

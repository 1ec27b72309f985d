package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link IpcCtlFormats} and shmget: lines of strace 6.1's ipc_msg, ipc_shm and ipc_msgbuf tests. */
@Tag("unit")
class IpcCtlFormatsGoldenTest {
    private static final Arch X = Arch.X86_64;

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void msgctlStatAfterTheCallSetAtEntry() {
        ByteBuffer ds = le(120);
        ds.putInt(20, 0600).putLong(64, 1796164131L).putLong(88, 16384);
        var g = new DecoderGolden().put(0x1000, ds.array());
        String perm = "{msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=0, msg_rtime=0,"
                + " msg_ctime=1796164131, msg_qnum=0, msg_qbytes=16384, msg_lspid=0, msg_lrpid=0}";
        assertEquals("msgctl(229413, IPC_64|IPC_STAT, " + perm + ") = 0",
                g.line(X, "msgctl", new long[] {229413, 0x102, 0x1000}, 0));
        assertEquals("msgctl(229413, IPC_STAT, 0x1000) = -1 EINVAL (Invalid argument)",
                g.line(X, "msgctl", new long[] {229413, 2, 0x1000}, -22));
        assertEquals("msgctl(229413, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0",
                g.line(X, "msgctl", new long[] {229413, 1, 0x1000}, 0));
        assertEquals("msgctl(229413, 0x2 /* IPC_STAT */, " + perm + ") = 0",
                g.line(new DecodeOptions(32, true, 0, DecodeOptions.Xlat.VERBOSE, 0, java.util.Set.of()), X, "msgctl",
                        new long[] {229413, 2, 0x1000}, 0));
    }

    @Test
    void shmInfoAndShmgetFlags() {
        ByteBuffer info = le(48).putInt(2).putInt(0).putLong(3918719254129679L);
        var g = new DecoderGolden().put(0x2000, info.array());
        assertEquals("shmctl(131102, SHM_INFO, {used_ids=2, shm_tot=3918719254129679, shm_rss=0, shm_swp=0,"
                + " swap_attempts=0, swap_successes=0}) = 30", g.line(X, "shmctl", new long[] {131102, 14, 0x2000}, 30));
        assertEquals("shmget(0xfdb97531, 1, 0x2ce0000|0125) = 0",
                g.line(X, "shmget", new long[] {0xfdb97531L, 1, 0x2ce0000 | 0125}, 0));
        assertEquals("shmget(IPC_PRIVATE, 1, 000) = 7", g.line(X, "shmget", new long[] {0, 1, 0}, 7));
    }

    @Test
    void messageBuffers() {
        byte[] text = "STRACE_STRING\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer msg = le(8 + text.length).putLong(9199991941521739245L).put(text);
        var g = new DecoderGolden().put(0x3000, msg.array());
        assertEquals("msgsnd(229427, {mtype=9199991941521739245, mtext=\"STRACE_STRING\\0\"}, 14, 0) = 0",
                g.line(X, "msgsnd", new long[] {229427, 0x3000, 14, 0}, 0));
        assertEquals("msgrcv(229427, {mtype=9199991941521739245, mtext=\"STRACE_STRING\\0\"}, 14,"
                + " -9199991941521739245, IPC_NOWAIT) = 14",
                g.line(X, "msgrcv", new long[] {229427, 0x3000, 14, -9199991941521739245L, 04000}, 14));
    }
}

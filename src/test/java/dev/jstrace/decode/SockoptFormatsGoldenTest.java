package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * getsockopt and setsockopt as strace 6.1 prints them; each expected line is one strace 6.1's
 * own suite expects (tests/so_peercred.c, so_error.c, so_linger.c, sockopt-sol_socket.c).
 */
@Tag("unit")
class SockoptFormatsGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();

    private static Snapshot ints(long addr, int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) b.putInt(x);
        return Snapshot.builder().add(new Snapshot.Region(addr, b.array(), true, true, Snapshot.Kind.BYTES)).build();
    }

    private static Snapshot both(Snapshot a, long addr, int... v) {
        Snapshot.Builder s = Snapshot.builder();
        for (Snapshot x : new Snapshot[] {a, ints(addr, v)}) {
            for (Snapshot.Region r : x.regions()) s.add(r);
        }
        return s.build();
    }

    @Test
    void getsockoptPrintsTheLengthBeforeAndAfterAndTheValueByTheReturnedLength() {
        long[] peercred = {3, 1, 17, 0x1000, 0x2000, 0};
        assertEquals("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=18737, uid=0, gid=0}, [13 => 12]) = 0",
                line(DEF, Arch.X86_64, "getsockopt", peercred, ints(0x2000, 13), 0,
                        both(ints(0x1000, 18737, 0, 0), 0x2000, 12)));
        assertEquals("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=18737, uid=\"\\x00\\x00\\x00\"}, [7]) = 0",
                line(DEF, Arch.X86_64, "getsockopt", peercred, ints(0x2000, 7), 0,
                        both(ints(0x1000, 18737, 0), 0x2000, 7)));
        assertEquals("getsockopt(4, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [5 => 4]) = 0",
                line(DEF, Arch.X86_64, "getsockopt", new long[] {4, 1, 4, 0x1000, 0x2000, 0}, ints(0x2000, 5), 0,
                        both(ints(0x1000, 111), 0x2000, 4)));
        assertEquals("getsockopt(4, SOL_SOCKET, SO_ERROR, 0x1000, [-1]) = -1 EINVAL (Invalid argument)",
                line(DEF, Arch.X86_64, "getsockopt", new long[] {4, 1, 4, 0x1000, 0x2000, 0}, ints(0x2000, -1), -22,
                        Snapshot.EMPTY));
    }

    @Test
    void setsockoptPrintsLingerAndIntsAtEntry() {
        assertEquals("setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=-15, l_linger=-42}, 9) = 0",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {3, 1, 13, 0x1000, 9, 0}, ints(0x1000, -15, -42), 0,
                        Snapshot.EMPTY));
        assertEquals("setsockopt(3, SOL_SOCKET, SO_LINGER, 0x1000, 4) = -1 EINVAL (Invalid argument)",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {3, 1, 13, 0x1000, 4, 0}, ints(0x1000, -15), -22,
                        Snapshot.EMPTY));
        assertEquals("setsockopt(3, SOL_SOCKET, SO_DEBUG, [1], 5) = 0",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {3, 1, 1, 0x1000, 5, 0}, ints(0x1000, 1, 0), 0,
                        Snapshot.EMPTY));
    }

    @Test
    void setsockoptDecodesTheMembershipRequestsOfIpAndPacketSockets() {
        assertEquals("setsockopt(0, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.3\"),"
                        + " imr_interface=inet_addr(\"127.0.0.1\")}, 8) = 0",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {0, 0, 35, 0x1000, 8, 0},
                        ints(0x1000, 0x030000e0, 0x0100007f), 0, Snapshot.EMPTY));
        assertEquals("setsockopt(0, SOL_IP, IP_ADD_MEMBERSHIP, 0x1000, 7) = -1 EINVAL (Invalid argument)",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {0, 0, 35, 0x1000, 7, 0},
                        ints(0x1000, 0x030000e0, 0x0100007f), -22, Snapshot.EMPTY));
        assertEquals("setsockopt(-1, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4294967295, tp_block_nr=1,"
                        + " tp_frame_size=2, tp_frame_nr=3}, 16) = -1 EBADF (Bad file descriptor)",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {-1, 263, 5, 0x1000, 16, 0},
                        ints(0x1000, -1, 1, 2, 3), -9, Snapshot.EMPTY));
        assertEquals("setsockopt(-1, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHOREPLY ICMP_DEST_UNREACH], 8)"
                        + " = -1 EBADF (Bad file descriptor)",
                line(DEF, Arch.X86_64, "setsockopt", new long[] {-1, 255, 1, 0x1000, 8, 0},
                        ints(0x1000, ~0x9, 0), -9, Snapshot.EMPTY));
        assertEquals("setsockopt(-1, 0x107 /* SOL_PACKET */, 0xffffffff /* PACKET_??? */, NULL, 0)"
                        + " = -1 EBADF (Bad file descriptor)",
                line(new DecodeOptions(32, true, 0, DecodeOptions.Xlat.VERBOSE, 0, java.util.Set.of()), Arch.X86_64,
                        "setsockopt",
                        new long[] {-1, 263, 0xffffffffL, 0, 0, 0}, Snapshot.EMPTY, -9, Snapshot.EMPTY));
    }

    @Test
    void setsockoptPrintsASocketFilterWithItsSpecialOffsetsUnderVerbose() {
        ByteBuffer prog = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2).putShort((short) 0)
                .putInt(0).putLong(0x2000);
        // BPF_LD|BPF_B|BPF_ABS of SKF_LL_OFF+4, then BPF_RET|BPF_K 0.
        ByteBuffer insns = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x30).put((byte) 0)
                .put((byte) 0).putInt(0xffe00004).putShort((short) 0x06).putShort((short) 0).putInt(0);
        Snapshot in = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, prog.array(), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x2000, insns.array(), true, true, Snapshot.Kind.BYTES)).build();
        assertEquals("setsockopt(4, SOL_SOCKET, SO_ATTACH_FILTER, {len=2, filter=[BPF_STMT(BPF_LD|BPF_B|BPF_ABS,"
                        + " SKF_LL_OFF+4), BPF_STMT(BPF_RET|BPF_K, 0)]}, 16) = 0",
                line(new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, java.util.Set.of()), Arch.X86_64,
                        "setsockopt", new long[] {4, 1, 26, 0x1000, 16, 0}, in, 0, Snapshot.EMPTY));
    }
}

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
 * Socket addresses as strace 6.1's sockaddr.c prints them; each expected line is one strace 6.1's
 * own suite expects (tests/accept.c, net-sockaddr.c, sockaddr_xlat.c).
 */
@Tag("unit")
class SockaddrGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();

    static Snapshot bytes(long addr, byte[] b) {
        return Snapshot.builder().add(new Snapshot.Region(addr, b, true, true, Snapshot.Kind.BYTES)).build();
    }

    static Snapshot join(Snapshot... parts) {
        Snapshot.Builder s = Snapshot.builder();
        for (Snapshot x : parts) {
            for (Snapshot.Region r : x.regions()) s.add(r);
        }
        return s.build();
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** The bytes of a sockaddr: the family (host order), then {@code data}. */
    static byte[] sa(int family, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(2 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putShort((short) family).put(data).array();
    }

    @Test
    void acceptCutsTheAddressToTheShorterOfTheLengthGivenAndReturned() {
        byte[] un = sa(1, "accept.socket.AAAAAAAAAAAAAAAA".getBytes());
        long[] args = {4, 0x1000, 0x2000, 0, 0, 0};
        assertEquals("accept(4, {sa_family=AF_UNIX}, [2 => 24]) = 15", line(DEF, Arch.X86_64, "accept", args,
                bytes(0x2000, le32(2)), 15, join(bytes(0x1000, java.util.Arrays.copyOf(un, 2)), bytes(0x2000, le32(24)))));
        assertEquals("accept(4, {sa_family=AF_UNIX, sun_path=\"accept.socket.\"}, [16 => 24]) = 15",
                line(DEF, Arch.X86_64, "accept", args, bytes(0x2000, le32(16)), 15,
                        join(bytes(0x1000, java.util.Arrays.copyOf(un, 16)), bytes(0x2000, le32(24)))));
    }

    @Test
    void connectSpellsOutThePacketAndAx25FamiliesAndCutsShortOnesToBytes() {
        byte[] ll = sa(17, new byte[] {0, 3, (byte) 0xed, (byte) 0xfe, (byte) 0xce, (byte) 0xfa, 1, 0, 0, 8,
                'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'});
        assertEquals("connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677,"
                        + " sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=8, sll_addr=[0x61, 0x62, 0x63,"
                        + " 0x64, 0x65, 0x66, 0x67, 0x68]}, 20) = -1 EBADF (Bad file descriptor)",
                line(DEF, Arch.X86_64, "connect", new long[] {-1, 0x1000, 20, 0, 0, 0}, bytes(0x1000, ll), -9,
                        Snapshot.EMPTY));
        assertEquals("connect(-1, {sa_family=AF_INET, sa_data=\"\\0\\0\\0\\0\\0\\0\\377\\377\\377\\377\"}, 12)"
                        + " = -1 EBADF (Bad file descriptor)",
                line(DEF, Arch.X86_64, "connect", new long[] {-1, 0x1000, 12, 0, 0, 0},
                        bytes(0x1000, sa(2, new byte[] {0, 0, 0, 0, 0, 0, -1, -1, -1, -1})), -9, Snapshot.EMPTY));
        // "VALID" shifted left one bit, SSID 13; no digipeaters.
        byte[] ax = sa(3, new byte[] {(byte) 0xac, (byte) 0x82, (byte) 0x98, (byte) 0x92, (byte) 0x88, 0x40, 0x1a,
                0, 0, 0, 0, 0, 0, 0});
        assertEquals("connect(-1, {sa_family=AF_AX25, sax25_call=VALID-13, sax25_ndigis=0}, 16)"
                        + " = -1 EBADF (Bad file descriptor)",
                line(DEF, Arch.X86_64, "connect", new long[] {-1, 0x1000, 16, 0, 0, 0}, bytes(0x1000, ax), -9,
                        Snapshot.EMPTY));
    }

    @Test
    void sendmsgDecodesItsControlMessages() {
        ByteBuffer msg = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        msg.putLong(32, 0x2000).putLong(40, 24);
        ByteBuffer cmsg = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        cmsg.putLong(24).putInt(1).putInt(1).putInt(0).putInt(1);
        assertEquals("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=24,"
                        + " cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24,"
                        + " msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)",
                line(DEF, Arch.X86_64, "sendmsg", new long[] {-1, 0x1000, 0, 0, 0, 0},
                        join(bytes(0x1000, msg.array()), bytes(0x2000, cmsg.array())), -9, Snapshot.EMPTY));
    }
}

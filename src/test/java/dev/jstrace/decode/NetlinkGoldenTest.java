package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Netlink messages as strace 6.1 prints them; the expected texts are lines of strace 6.1's
 * own suite (netlink_protocol, netlink_netfilter, netlink_selinux), the bytes rebuilt from
 * the test programs.
 */
@Tag("unit")
class NetlinkGoldenTest {
    private static final long ADDR = 0x10000;

    private static String decode(int protocol, byte[] buf, int len) {
        DecodeOptions o = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        Snapshot in = Snapshot.builder().add(new Snapshot.Region(ADDR, buf, true, buf.length >= len,
                Snapshot.Kind.BYTES)).build();
        CallContext c = new CallContext(Arch.X86_64, new long[] {4, ADDR, len, 0x40, 0, 0}, in, null, true, len,
                false, o);
        return c.text(NetlinkMessages.decode(c, TraceeBytes.at(in, ADDR), ADDR, len, protocol));
    }

    private static ByteBuffer msg(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aNoopWithDataAndUnknownFlagBits() {
        ByteBuffer b = msg(20).putInt(20).putShort((short) 1).putShort((short) 0x301).putInt(0).putInt(0);
        b.put("abcd".getBytes());
        assertEquals("[{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0,"
                + " nlmsg_pid=0}, \"\\x61\\x62\\x63\\x64\"]", decode(4, b.array(), 20));
    }

    @Test
    void anErrorCarriesTheRequestWithItsProtocolsPayload() {
        ByteBuffer b = msg(37).putInt(37).putShort((short) 2).putShort((short) 1).putInt(0).putInt(0);
        b.putInt(-13).putInt(17).putShort((short) 20).putShort((short) 1).putInt(4213).putInt(123456).put((byte) 0);
        assertEquals("[{nlmsg_len=37, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0},"
                + " {error=-EACCES, msg=[{nlmsg_len=17, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST,"
                + " nlmsg_seq=4213, nlmsg_pid=123456}, {family=AF_UNSPEC}]}]", decode(4, b.array(), 37));
    }

    @Test
    void nfnetlinkHeaderThenAttributesAsSiblings() {
        ByteBuffer b = msg(24).putInt(24).putShort((short) 0x0aff).putShort((short) 1).putInt(0).putInt(0);
        b.put((byte) 1).put((byte) 0).putShort(Short.reverseBytes((short) 10)).putShort((short) 4)
                .putShort((short) 0xbcd);
        assertEquals("[{nlmsg_len=24, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|0xff /* NFT_MSG_??? */,"
                + " nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {nfgen_family=AF_UNIX, version=NFNETLINK_V0,"
                + " res_id=htons(NFNL_SUBSYS_NFTABLES)}, {nla_len=4, nla_type=0xbcd}]", decode(12, b.array(), 24));
    }

    @Test
    void aShortOrUnreadableSecondHeader() {
        ByteBuffer b = msg(20).putInt(20).putShort((short) 1).putShort((short) 0x301).putInt(0).putInt(0);
        b.put("abcd".getBytes());
        // Declared 40 bytes, 20 readable: the second header is past the readable part.
        assertEquals("[[{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0,"
                + " nlmsg_pid=0}, \"\\x61\\x62\\x63\\x64\"], ... /* 0x10014 */]", decode(4, b.array(), 40));
    }

    @Test
    void aRouteMessageHeaderThenNestedAttributes() {
        // nlattr_nhmsg: RTM_GETNEXTHOP, struct nhmsg, NHA_RES_BUCKET { NHA_RES_BUCKET_NH_ID }.
        ByteBuffer b = msg(36).putInt(36).putShort((short) 106).putShort((short) 0x300).putInt(0).putInt(0);
        b.put((byte) 1).put((byte) 0xff).put((byte) 0).put((byte) 0).putInt(0x22);
        b.putShort((short) 12).putShort((short) 13).putShort((short) 8).putShort((short) 3).putInt(0xbeefcafd);
        assertEquals("[{nlmsg_len=36, nlmsg_type=RTM_GETNEXTHOP, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0},"
                + " {nh_family=AF_UNIX, nh_scope=RT_SCOPE_NOWHERE, nh_protocol=RTPROT_UNSPEC,"
                + " nh_flags=RTNH_F_PERVASIVE|RTNH_F_UNRESOLVED}, [{nla_len=12, nla_type=NHA_RES_BUCKET},"
                + " [{nla_len=8, nla_type=NHA_RES_BUCKET_NH_ID}, 3203386109]]]", decode(0, b.array(), 36));
    }

    @Test
    void anInterfaceIndexPastIntRangeIsANumber() {
        // NHA_OIF 0xdeadbeef: no interface has it (NetworkInterface.getByIndex threw on it as a negative int).
        ByteBuffer b = msg(32).putInt(32).putShort((short) 106).putShort((short) 0x300).putInt(0).putInt(0);
        b.put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0);
        b.putShort((short) 8).putShort((short) 5).putInt(0xdeadbeef);
        assertEquals("[{nlmsg_len=32, nlmsg_type=RTM_GETNEXTHOP, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0},"
                + " {nh_family=AF_UNIX, nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=RTPROT_UNSPEC, nh_flags=0},"
                + " [{nla_len=8, nla_type=NHA_OIF}, 3735928559]]", decode(0, b.array(), 32));
    }

    @Test
    void aUnixDiagResponsePrintsTheVfsDeviceBeforeItsInode() {
        // nlattr_unix_diag_msg: struct unix_diag_vfs holds the inode first, strace prints the device first.
        ByteBuffer b = msg(44).putInt(44).putShort((short) 20).putShort((short) 0x300).putInt(0).putInt(0);
        b.put((byte) 1).put((byte) 1).put((byte) 1).put((byte) 0).putInt(0).putInt(0).putInt(0);
        b.putShort((short) 12).putShort((short) 1).putInt(0xbafabcda).putInt(0xabcddafa);
        assertEquals("[{nlmsg_len=44, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0,"
                + " nlmsg_pid=0}, {udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_ESTABLISHED,"
                + " udiag_ino=0, udiag_cookie=[0, 0]}, [{nla_len=12, nla_type=UNIX_DIAG_VFS},"
                + " {udiag_vfs_dev=makedev(0xdda, 0xabcfa), udiag_vfs_ino=3136994522}]]", decode(4, b.array(), 44));
    }
}

package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.proc.Snapshot;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The option names of the levels other than SOL_SOCKET and the option values strace 6.1's
 * print_setsockopt and print_getsockopt (net.c, print_group_req.c) decode there: ip_mreq,
 * ipv6_mreq, group_req, tpacket_req, packet_mreq, tpacket_stats and icmp_filter.
 */
final class SockoptValues {
    /** strace 6.1's socketlayers, in its order (SOL_SOCKET's sparc/mips value aside). */
    private static final String LEVEL_NAMES = """
            SOL_IP SOL_SOCKET SOL_TCP SOL_UDP AF_VSOCK SOL_IPV6 SOL_ICMPV6 SOL_CAN_BASE SOL_CAN_RAW SOL_SCTP
            SOL_UDPLITE SOL_RAW SOL_IPX SOL_AX25 SOL_ATALK SOL_NETROM SOL_ROSE SOL_DECNET SOL_X25 SOL_PACKET SOL_ATM
            SOL_AAL SOL_IRDA SOL_NETBEUI SOL_LLC SOL_DCCP SOL_NETLINK SOL_TIPC SOL_RXRPC SOL_PPPOL2TP SOL_BLUETOOTH
            SOL_PNPIPE SOL_RDS SOL_IUCV SOL_CAIF SOL_ALG SOL_NFC SOL_KCM SOL_TLS SOL_XDP""";
    static final ConstTable LEVELS = ConstTable.enumHex("SOL_??", LEVEL_NAMES);
    /** The same names as decode_msg_control prints a cmsg_level (its unknown is {@code SOL_???}). */
    static final ConstTable LEVELS_CMSG = ConstTable.enumHex("SOL_???", LEVEL_NAMES);
    /** sock_ip_options. */
    static final ConstTable IP = ConstTable.enumHex("IP_???", """
            IP_TOS IP_TTL IP_HDRINCL IP_OPTIONS IP_ROUTER_ALERT IP_RECVOPTS IP_RETOPTS IP_PKTINFO IP_PKTOPTIONS
            IP_MTU_DISCOVER IP_RECVERR IP_RECVTTL IP_RECVTOS IP_MTU IP_FREEBIND IP_IPSEC_POLICY IP_XFRM_POLICY
            IP_PASSSEC IP_TRANSPARENT IP_ORIGDSTADDR IP_MINTTL IP_NODEFRAG IP_CHECKSUM IP_BIND_ADDRESS_NO_PORT
            IP_RECVFRAGSIZE IP_RECVERR_RFC4884 IP_MULTICAST_IF IP_MULTICAST_TTL IP_MULTICAST_LOOP IP_ADD_MEMBERSHIP
            IP_DROP_MEMBERSHIP IP_UNBLOCK_SOURCE IP_BLOCK_SOURCE IP_ADD_SOURCE_MEMBERSHIP IP_DROP_SOURCE_MEMBERSHIP
            IP_MSFILTER MCAST_JOIN_GROUP MCAST_BLOCK_SOURCE MCAST_UNBLOCK_SOURCE MCAST_LEAVE_GROUP
            MCAST_JOIN_SOURCE_GROUP MCAST_LEAVE_SOURCE_GROUP MCAST_MSFILTER IP_MULTICAST_ALL IP_UNICAST_IF""");
    /** sock_ipv6_options. */
    static final ConstTable IPV6 = ConstTable.enumHex("IPV6_???", """
            IPV6_ADDRFORM IPV6_2292PKTINFO IPV6_2292HOPOPTS IPV6_2292DSTOPTS IPV6_2292RTHDR IPV6_2292PKTOPTIONS
            IPV6_CHECKSUM IPV6_2292HOPLIMIT IPV6_NEXTHOP IPV6_AUTHHDR IPV6_FLOWINFO IPV6_UNICAST_HOPS
            IPV6_MULTICAST_IF IPV6_MULTICAST_HOPS IPV6_MULTICAST_LOOP IPV6_ADD_MEMBERSHIP IPV6_DROP_MEMBERSHIP
            IPV6_ROUTER_ALERT IPV6_MTU_DISCOVER IPV6_MTU IPV6_RECVERR IPV6_V6ONLY IPV6_JOIN_ANYCAST
            IPV6_LEAVE_ANYCAST IPV6_MULTICAST_ALL IPV6_ROUTER_ALERT_ISOLATE IPV6_RECVERR_RFC4884 IPV6_FLOWLABEL_MGR
            IPV6_FLOWINFO_SEND IPV6_IPSEC_POLICY IPV6_XFRM_POLICY IPV6_HDRINCL MCAST_JOIN_GROUP MCAST_BLOCK_SOURCE
            MCAST_UNBLOCK_SOURCE MCAST_LEAVE_GROUP MCAST_JOIN_SOURCE_GROUP MCAST_LEAVE_SOURCE_GROUP MCAST_MSFILTER
            IPV6_RECVPKTINFO IPV6_PKTINFO IPV6_RECVHOPLIMIT IPV6_HOPLIMIT IPV6_RECVHOPOPTS IPV6_HOPOPTS
            IPV6_RTHDRDSTOPTS IPV6_RECVRTHDR IPV6_RTHDR IPV6_RECVDSTOPTS IPV6_DSTOPTS IPV6_RECVPATHMTU IPV6_PATHMTU
            IPV6_DONTFRAG IPV6_USE_MIN_MTU IPV6_RECVTCLASS IPV6_TCLASS IPV6_AUTOFLOWLABEL IPV6_ADDR_PREFERENCES
            IPV6_MINHOPCOUNT IPV6_ORIGDSTADDR IPV6_TRANSPARENT IPV6_UNICAST_IF IPV6_RECVFRAGSIZE IPV6_FREEBIND""");
    /** sock_packet_options. */
    static final ConstTable PACKET = ConstTable.enumHex("PACKET_???", """
            PACKET_ADD_MEMBERSHIP PACKET_DROP_MEMBERSHIP PACKET_RECV_OUTPUT PACKET_RX_RING PACKET_STATISTICS
            PACKET_COPY_THRESH PACKET_AUXDATA PACKET_ORIGDEV PACKET_VERSION PACKET_HDRLEN PACKET_RESERVE
            PACKET_TX_RING PACKET_LOSS PACKET_VNET_HDR PACKET_TX_TIMESTAMP PACKET_TIMESTAMP PACKET_FANOUT
            PACKET_TX_HAS_OFF PACKET_QDISC_BYPASS PACKET_ROLLOVER_STATS PACKET_FANOUT_DATA PACKET_IGNORE_OUTGOING""");
    /** sock_raw_options. */
    static final ConstTable RAW = ConstTable.enumHex("RAW_???", "ICMP_FILTER");
    /** packet_mreq_type. */
    static final ConstTable PACKET_MR = ConstTable.enumHex("PACKET_MR_???",
            "PACKET_MR_MULTICAST PACKET_MR_PROMISC PACKET_MR_ALLMULTI PACKET_MR_UNICAST");
    /** icmp_filter_flags: ICMP types by number. */
    static final ConstTable ICMP_TYPES = ConstTable.enumHex("ICMP_???", """
            ICMP_ECHOREPLY ICMP_DEST_UNREACH ICMP_SOURCE_QUENCH ICMP_REDIRECT ICMP_ECHO ICMP_TIME_EXCEEDED
            ICMP_PARAMETERPROB ICMP_TIMESTAMP ICMP_TIMESTAMPREPLY ICMP_INFO_REQUEST ICMP_INFO_REPLY ICMP_ADDRESS
            ICMP_ADDRESSREPLY""");

    static final int SOL_IP = v("SOL_IP"), SOL_IPV6 = v("SOL_IPV6"), SOL_TCP = v("SOL_TCP"),
            SOL_PACKET = v("SOL_PACKET"), SOL_RAW = v("SOL_RAW"),
            IP_ADD_MEMBERSHIP = v("IP_ADD_MEMBERSHIP"), IP_DROP_MEMBERSHIP = v("IP_DROP_MEMBERSHIP"),
            MCAST_JOIN_GROUP = v("MCAST_JOIN_GROUP"), MCAST_LEAVE_GROUP = v("MCAST_LEAVE_GROUP"),
            IPV6_ADD_MEMBERSHIP = v("IPV6_ADD_MEMBERSHIP"), IPV6_DROP_MEMBERSHIP = v("IPV6_DROP_MEMBERSHIP"),
            IPV6_JOIN_ANYCAST = v("IPV6_JOIN_ANYCAST"), IPV6_LEAVE_ANYCAST = v("IPV6_LEAVE_ANYCAST"),
            PACKET_RX_RING = v("PACKET_RX_RING"), PACKET_TX_RING = v("PACKET_TX_RING"),
            PACKET_ADD_MEMBERSHIP = v("PACKET_ADD_MEMBERSHIP"), PACKET_DROP_MEMBERSHIP = v("PACKET_DROP_MEMBERSHIP"),
            PACKET_STATISTICS = v("PACKET_STATISTICS"), ICMP_FILTER = v("ICMP_FILTER");

    /** {@code struct ip_mreq} (linux/in.h). */
    static final StructLayout IP_MREQ = MemoryLayout.structLayout(JAVA_INT.withName("imr_multiaddr"),
            JAVA_INT.withName("imr_interface")).withName("struct ip_mreq");
    /** {@code struct ipv6_mreq} (linux/in6.h). */
    static final StructLayout IPV6_MREQ = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("ipv6mr_multiaddr"),
            JAVA_INT.withName("ipv6mr_interface")).withName("struct ipv6_mreq");
    /** {@code struct group_req} (linux/in.h): the sockaddr_storage is 8-aligned on every arch we trace. */
    static final StructLayout GROUP_REQ = MemoryLayout.structLayout(JAVA_INT.withName("gr_interface"),
            MemoryLayout.paddingLayout(4), MemoryLayout.sequenceLayout(SockaddrDecoder.STORAGE, JAVA_BYTE)
                    .withName("gr_group")).withName("struct group_req");
    /** {@code struct tpacket_req} (linux/if_packet.h). */
    static final StructLayout TPACKET_REQ = MemoryLayout.structLayout(JAVA_INT.withName("tp_block_size"),
            JAVA_INT.withName("tp_block_nr"), JAVA_INT.withName("tp_frame_size"), JAVA_INT.withName("tp_frame_nr"))
            .withName("struct tpacket_req");
    /** {@code struct packet_mreq} (linux/if_packet.h). */
    static final StructLayout PACKET_MREQ = MemoryLayout.structLayout(JAVA_INT.withName("mr_ifindex"),
            JAVA_SHORT.withName("mr_type"), JAVA_SHORT.withName("mr_alen"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("mr_address")).withName("struct packet_mreq");
    /** {@code struct tpacket_stats_v3} (linux/if_packet.h): the three unsigned ints strace reads. */
    static final StructLayout TPACKET_STATS = MemoryLayout.structLayout(JAVA_INT.withName("tp_packets"),
            JAVA_INT.withName("tp_drops"), JAVA_INT.withName("tp_freeze_q_cnt")).withName("struct tpacket_stats_v3");
    /** The layouts declared here, for the probe test. */
    static final List<StructLayout> ALL = List.of(IP_MREQ, IPV6_MREQ, GROUP_REQ, TPACKET_REQ, PACKET_MREQ,
            TPACKET_STATS);

    private static final StructLayouts.Member IMR_MULTIADDR = StructLayouts.Member.of(IP_MREQ, "imr_multiaddr"),
            IMR_INTERFACE = StructLayouts.Member.of(IP_MREQ, "imr_interface"),
            GR_INTERFACE = StructLayouts.Member.of(GROUP_REQ, "gr_interface"),
            IPV6MR_MULTIADDR = StructLayouts.Member.of(IPV6_MREQ, "ipv6mr_multiaddr"),
            IPV6MR_INTERFACE = StructLayouts.Member.of(IPV6_MREQ, "ipv6mr_interface"),
            MR_IFINDEX = StructLayouts.Member.of(PACKET_MREQ, "mr_ifindex"),
            MR_TYPE = StructLayouts.Member.of(PACKET_MREQ, "mr_type"),
            MR_ALEN = StructLayouts.Member.of(PACKET_MREQ, "mr_alen"),
            MR_ADDRESS = StructLayouts.Member.of(PACKET_MREQ, "mr_address");

    private SockoptValues() {}

    /** The bytes of member {@code m} (an address kept in network order). */
    private static byte[] bytes(byte[] b, StructLayouts.Member m) {
        return Arrays.copyOfRange(b, m.offset(), m.end());
    }

    private static int v(String name) {
        return (int) HeaderValues.common(name);
    }

    /** print_sockopt_fd_level_name's option name for a level other than SOL_SOCKET; null for the others. */
    static Value name(CallContext c, int level, int name) {
        long n = name & 0xffffffffL;
        if (level == SOL_IP) return c.sym(IP, n);
        if (level == SOL_IPV6) return c.sym(IPV6, n);
        if (level == SOL_PACKET) return c.sym(PACKET, n);
        if (level == SOL_RAW) return c.sym(RAW, n);
        if (level == SOL_TCP) return c.sym(Constants.TCP_OPT, n);
        return null;
    }

    /** print_setsockopt's decoded values (read at entry); null where its default printing applies. */
    static Value set(CallContext c, int level, int name, long addr, int len) {
        Snapshot m = c.in;
        if (level == SOL_IP && (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)) {
            byte[] b = len < size(IP_MREQ) ? null : MemoryView.struct(m, addr, size(IP_MREQ));
            if (b == null) return new Value.Ptr(addr);
            List<Value.Field> fs = new ArrayList<>(2);
            fs.addAll(SockaddrDecoder.inetAddr(c, "imr_multiaddr", bytes(b, IMR_MULTIADDR)));
            fs.addAll(SockaddrDecoder.inetAddr(c, "imr_interface", bytes(b, IMR_INTERFACE)));
            return new Value.Struct(fs, false);
        }
        if ((level == SOL_IP || level == SOL_IPV6) && (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)) {
            byte[] b = len < size(GROUP_REQ) ? null : MemoryView.struct(m, addr, size(GROUP_REQ));
            if (b == null) return new Value.Ptr(addr);
            int at = StructLayouts.offset(GROUP_REQ, "gr_group");
            byte[] sa = Arrays.copyOf(Arrays.copyOfRange(b, at, at + SockaddrDecoder.STORAGE), SockaddrDecoder.STORAGE + 1);
            return new Value.Struct(List.of(
                    new Value.Field("gr_interface", SockaddrDecoder.ifindex(c, GR_INTERFACE.u(b))),
                    new Value.Field("gr_group", SockaddrDecoder.print(c, sa, SockaddrDecoder.STORAGE))), false);
        }
        if (level == SOL_IPV6 && (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP
                || name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST)) {
            byte[] b = len < size(IPV6_MREQ) ? null : MemoryView.struct(m, addr, size(IPV6_MREQ));
            if (b == null) return new Value.Ptr(addr);
            List<Value.Field> fs = new ArrayList<>(SockaddrDecoder.inetAddr(c, "ipv6mr_multiaddr",
                    bytes(b, IPV6MR_MULTIADDR)));
            fs.add(new Value.Field("ipv6mr_interface", SockaddrDecoder.ifindex(c, IPV6MR_INTERFACE.u(b))));
            return new Value.Struct(fs, false);
        }
        if (level == SOL_PACKET && (name == PACKET_RX_RING || name == PACKET_TX_RING)) {
            byte[] b = len != size(TPACKET_REQ) ? null : MemoryView.struct(m, addr, size(TPACKET_REQ));
            return b == null ? new Value.Ptr(addr) : uints(b, b.length, TPACKET_REQ);
        }
        if (level == SOL_PACKET && (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP)) {
            byte[] b = len != size(PACKET_MREQ) ? null : MemoryView.struct(m, addr, size(PACKET_MREQ));
            return b == null ? new Value.Ptr(addr) : packetMreq(c, b);
        }
        if (level == SOL_RAW && name == ICMP_FILTER) return icmpFilter(c, m, addr, len);
        return null;
    }

    /** print_getsockopt's decoded values of these levels (read at exit); null where its default applies. */
    static Value get(CallContext c, int level, int name, long addr, int rlen) {
        if (level == SOL_PACKET && name == PACKET_STATISTICS) {
            int len = Math.min(rlen, size(TPACKET_STATS));
            byte[] b = MemoryView.struct(c.out, addr, len);
            return b == null ? new Value.Ptr(addr) : uints(b, len, TPACKET_STATS);
        }
        if (level == SOL_RAW && name == ICMP_FILTER) return icmpFilter(c, c.out, addr, rlen);
        return null;
    }

    private static int size(StructLayout l) {
        return (int) l.byteSize();
    }

    /** MAYBE_PRINT_FIELD_LEN over unsigned int fields: those the length covers, a cut one as hex bytes. */
    private static Value uints(byte[] b, int len, StructLayout layout) {
        List<Value.Field> fs = new ArrayList<>(4);
        for (MemoryLayout f : layout.memberLayouts()) {
            String n = f.name().orElseThrow();
            StructLayouts.Member m = StructLayouts.Member.of(layout, n);
            int at = m.offset();
            if (at >= len) break;
            fs.add(new Value.Field(n, m.end() > len ? SockaddrDecoder.hexString(b, at, len - at)
                    : new Value.Num(m.u(b), Value.Radix.UDEC)));
        }
        return new Value.Struct(fs, false);
    }

    private static Value packetMreq(CallContext c, byte[] b) {
        int alen = (int) MR_ALEN.u(b);
        byte[] mac = Arrays.copyOfRange(b, MR_ADDRESS.offset(), MR_ADDRESS.offset() + Math.min(alen, MR_ADDRESS.size()));
        return new Value.Struct(List.of(
                new Value.Field("mr_ifindex", SockaddrDecoder.ifindex(c, MR_IFINDEX.u(b))),
                new Value.Field("mr_type", c.sym(PACKET_MR, MR_TYPE.u(b))),
                new Value.Field("mr_alen", new Value.Num(alen, Value.Radix.UDEC)),
                new Value.Field("mr_address", mac(c, mac))), false);
    }

    /** print_mac_addr: {@code 01:02:03}, the bytes in hex under raw, both under verbose. */
    static Value mac(CallContext c, byte[] b) {
        StringBuilder t = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) t.append(i > 0 ? ":" : "").append(String.format("%02x", b[i] & 0xff));
        return SockaddrDecoder.styled(c, SockaddrDecoder.hexString(b, 0, b.length), t.toString());
    }

    /**
     * print_icmp_filter: the ICMP types whose bits are set, {@code ~[...]} (the clear ones) when more than
     * half are; a length over 4 reads 4, a shorter one leaves the other bytes set.
     */
    private static Value icmpFilter(CallContext c, Snapshot m, long addr, int len) {
        if (len <= 0) return new Value.Ptr(addr);
        int n = Math.min(len, 4);
        byte[] b = MemoryView.struct(m, addr, n);
        if (b == null) return new Value.Ptr(addr);
        byte[] all = {-1, -1, -1, -1};
        System.arraycopy(b, 0, all, 0, n);
        int data = MemoryView.s32(all, 0);
        boolean inverted = Integer.bitCount(data) > 16;
        if (inverted) data = ~data;
        StringBuilder t = new StringBuilder(inverted ? "~[" : "[");
        for (int i = 0; i < 32; i++) {
            if ((data & (1 << i)) == 0) continue;
            if (t.charAt(t.length() - 1) != '[') t.append(' ');
            t.append(c.text(c.sym(ICMP_TYPES, i)));
        }
        return new Value.Text(t.append(']').toString());
    }
}

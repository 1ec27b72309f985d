package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.u16;
import static dev.jstrace.decode.MemoryView.u16be;
import static dev.jstrace.decode.MemoryView.u32;

import dev.jstrace.decode.StructLayouts.Member;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sockaddr families strace 6.1's sockaddr.c spells out besides unix, inet, inet6 and netlink:
 * ax25, ipx, x25, packet, bluetooth, rxrpc, ieee802154, alg, nfc, vsock, qrtr, xdp and mctp, each
 * printed only when the length reaches the family's minimum ({@code sa_printers[].min_len}). The
 * field offsets are those of the kernel's structs (linux/ax25.h, if_packet.h, vm_sockets.h, ...).
 */
final class SockaddrFamilies {
    private static final int AF_AX25 = af("AF_AX25"), AF_IPX = af("AF_IPX"), AF_X25 = af("AF_X25"),
            AF_PACKET = af("AF_PACKET"), AF_BLUETOOTH = af("AF_BLUETOOTH"), AF_RXRPC = af("AF_RXRPC"),
            AF_IEEE802154 = af("AF_IEEE802154"), AF_ALG = af("AF_ALG"), AF_NFC = af("AF_NFC"),
            AF_VSOCK = af("AF_VSOCK"), AF_QIPCRTR = af("AF_QIPCRTR"), AF_XDP = af("AF_XDP"), AF_MCTP = af("AF_MCTP");
    static final ConstTable ETH_P = ConstTable.enumHex("ETH_P_???", """
            ETH_P_802_3 ETH_P_AX25 ETH_P_ALL ETH_P_802_2 ETH_P_SNAP ETH_P_DDCMP ETH_P_WAN_PPP ETH_P_PPP_MP 
            ETH_P_LOCALTALK ETH_P_CAN ETH_P_CANFD ETH_P_CANXL ETH_P_PPPTALK ETH_P_TR_802_2 ETH_P_MOBITEX 
            ETH_P_CONTROL ETH_P_IRDA ETH_P_ECONET ETH_P_HDLC ETH_P_ARCNET ETH_P_DSA ETH_P_TRAILER ETH_P_LOOP 
            ETH_P_PHONET ETH_P_IEEE802154 ETH_P_CAIF ETH_P_XDSA ETH_P_MAP ETH_P_MCTP ETH_P_PUP ETH_P_PUPAT 
            ETH_P_802_3_MIN ETH_P_IP ETH_P_X25 ETH_P_ARP ETH_P_BPQ ETH_P_IEEEPUP ETH_P_IEEEPUPAT ETH_P_ERSPAN2 
            ETH_P_TSN ETH_P_BATMAN ETH_P_DEC ETH_P_DNA_DL ETH_P_DNA_RC ETH_P_DNA_RT ETH_P_LAT ETH_P_DIAG 
            ETH_P_CUST ETH_P_SCA ETH_P_TEB ETH_P_RARP ETH_P_ATALK ETH_P_AARP ETH_P_8021Q ETH_P_IPX ETH_P_IPV6 
            ETH_P_PAUSE ETH_P_SLOW ETH_P_WCCP ETH_P_MPLS_UC ETH_P_MPLS_MC ETH_P_ATMMPOA ETH_P_PPP_DISC 
            ETH_P_PPP_SES ETH_P_LINK_CTL ETH_P_ATMFATE ETH_P_PAE ETH_P_REALTEK ETH_P_AOE ETH_P_8021AD 
            ETH_P_802_EX1 ETH_P_ERSPAN ETH_P_PREAUTH ETH_P_TIPC ETH_P_LLDP ETH_P_MRP ETH_P_MACSEC ETH_P_8021AH 
            ETH_P_MVRP ETH_P_1588 ETH_P_NCSI ETH_P_PRP ETH_P_CFM ETH_P_FCOE ETH_P_TDLS ETH_P_FIP ETH_P_IBOE 
            ETH_P_80221 ETH_P_HSR ETH_P_NSH ETH_P_LOOPBACK ETH_P_QINQ1 ETH_P_QINQ2 ETH_P_QINQ3 ETH_P_EDSA 
            ETH_P_DSA_8021Q ETH_P_DSA_A5PSW ETH_P_IFE ETH_P_AF_IUCV""");
    static final ConstTable ARPHRD = ConstTable.enumHex("ARPHRD_???", """
            ARPHRD_NETROM ARPHRD_ETHER ARPHRD_EETHER ARPHRD_AX25 ARPHRD_PRONET ARPHRD_CHAOS ARPHRD_IEEE802 
            ARPHRD_ARCNET ARPHRD_APPLETLK ARPHRD_DLCI ARPHRD_ATM ARPHRD_METRICOM ARPHRD_IEEE1394 ARPHRD_EUI64 
            ARPHRD_INFINIBAND ARPHRD_SLIP ARPHRD_CSLIP ARPHRD_SLIP6 ARPHRD_CSLIP6 ARPHRD_RSRVD ARPHRD_ADAPT 
            ARPHRD_ROSE ARPHRD_X25 ARPHRD_HWX25 ARPHRD_CAN ARPHRD_MCTP ARPHRD_PPP ARPHRD_CISCO ARPHRD_LAPB 
            ARPHRD_DDCMP ARPHRD_RAWHDLC ARPHRD_RAWIP ARPHRD_TUNNEL ARPHRD_TUNNEL6 ARPHRD_FRAD ARPHRD_SKIP 
            ARPHRD_LOOPBACK ARPHRD_LOCALTLK ARPHRD_FDDI ARPHRD_BIF ARPHRD_SIT ARPHRD_IPDDP ARPHRD_IPGRE 
            ARPHRD_PIMREG ARPHRD_HIPPI ARPHRD_ASH ARPHRD_ECONET ARPHRD_IRDA ARPHRD_FCPP ARPHRD_FCAL ARPHRD_FCPL 
            ARPHRD_FCFABRIC ARPHRD_IEEE802_TR ARPHRD_IEEE80211 ARPHRD_IEEE80211_PRISM ARPHRD_IEEE80211_RADIOTAP 
            ARPHRD_IEEE802154 ARPHRD_IEEE802154_MONITOR ARPHRD_PHONET ARPHRD_PHONET_PIPE ARPHRD_CAIF 
            ARPHRD_IP6GRE ARPHRD_NETLINK ARPHRD_6LOWPAN ARPHRD_VSOCKMON ARPHRD_NONE ARPHRD_VOID""");
    static final ConstTable PACKET_TYPES = ConstTable.enumHex("PACKET_???", """
            PACKET_HOST PACKET_BROADCAST PACKET_MULTICAST PACKET_OTHERHOST PACKET_OUTGOING PACKET_LOOPBACK
            PACKET_USER PACKET_KERNEL""");
    static final ConstTable HCI_CHANNELS = ConstTable.enumHex("HCI_CHANNEL_???", """
            HCI_CHANNEL_RAW HCI_CHANNEL_USER HCI_CHANNEL_MONITOR HCI_CHANNEL_CONTROL HCI_CHANNEL_LOGGING""");
    static final ConstTable BDADDR_TYPES = ConstTable.enumHex("BDADDR_???",
            "BDADDR_BREDR BDADDR_LE_PUBLIC BDADDR_LE_RANDOM");
    static final ConstTable L2_PSM = ConstTable.enumHex("L2CAP_PSM_???", """
            L2CAP_PSM_SDP L2CAP_PSM_RFCOMM L2CAP_PSM_3DSP L2CAP_PSM_IPSP L2CAP_PSM_LE_DYN_START L2CAP_PSM_LE_DYN_END
            L2CAP_PSM_DYN_START L2CAP_PSM_AUTO_END L2CAP_PSM_DYN_END""");
    static final ConstTable L2_CID = ConstTable.enumHex("L2CAP_CID_???", """
            L2CAP_CID_SIGNALING L2CAP_CID_CONN_LESS L2CAP_CID_A2MP L2CAP_CID_ATT L2CAP_CID_LE_SIGNALING L2CAP_CID_SMP
            L2CAP_CID_SMP_BREDR L2CAP_CID_DYN_START L2CAP_CID_LE_DYN_END L2CAP_CID_DYN_END""");
    static final ConstTable RXRPC_SERVICES = ConstTable.enumHex("???_SERVICE",
            "CM_SERVICE YFS_FS_SERVICE YFS_CM_SERVICE YFS_VL_SERVICE");
    static final ConstTable IEEE802154_ADDR_TYPES = ConstTable.enumHex("IEEE802154_ADDR_???",
            "IEEE802154_ADDR_NONE IEEE802154_ADDR_SHORT IEEE802154_ADDR_LONG");
    static final ConstTable IEEE802154_ADDRS = ConstTable.enumHex(null,
            "IEEE802154_ADDR_UNDEF IEEE802154_ADDR_BROADCAST");
    static final ConstTable IEEE802154_PAN_IDS = ConstTable.enumHex(null, "IEEE802154_PANID_BROADCAST");
    static final ConstTable ALG_FLAGS = ConstTable.flags("CRYPTO_ALG_???", "CRYPTO_ALG_KERN_DRIVER_ONLY");
    static final ConstTable NFC_PROTOCOLS = ConstTable.enumHex("NFC_PROTO_???", """
            NFC_PROTO_JEWEL NFC_PROTO_MIFARE NFC_PROTO_FELICA NFC_PROTO_ISO14443 NFC_PROTO_NFC_DEP
            NFC_PROTO_ISO14443_B NFC_PROTO_ISO15693""");
    static final ConstTable NFC_SAPS = ConstTable.enumHex(null,
            "LLCP_SAP_SDP LLCP_SAP_IP LLCP_SAP_OBEX LLCP_SAP_SNEP LLCP_SAP_MAX");
    static final ConstTable VSOCK_CIDS = ConstTable.enumHex(null,
            "VMADDR_CID_HYPERVISOR VMADDR_CID_LOCAL VMADDR_CID_HOST VMADDR_CID_ANY");
    static final ConstTable VSOCK_PORTS = ConstTable.enumHex(null, "VMADDR_PORT_ANY");
    static final ConstTable VSOCK_FLAGS = ConstTable.flags("VMADDR_FLAG_???", "VMADDR_FLAG_TO_HOST");
    static final ConstTable QRTR_NODES = ConstTable.enumHex(null, "QRTR_NODE_BCAST");
    static final ConstTable QRTR_PORTS = ConstTable.enumHex(null, "QRTR_PORT_CTRL");
    static final ConstTable XDP_FLAGS = ConstTable.flags("XDP_???",
            "XDP_SHARED_UMEM XDP_COPY XDP_ZEROCOPY XDP_USE_NEED_WAKEUP");
    static final ConstTable MCTP_ADDRS = ConstTable.enumHex(null, "MCTP_ADDR_NULL MCTP_ADDR_ANY");
    static final ConstTable MCTP_NETS = ConstTable.enumHex(null, "MCTP_NET_ANY");
    /** sizeof(struct full_sockaddr_ax25)'s parts: the sockaddr_ax25, and the ax25_address each digipeater is. */
    private static final int AX25_SIZE = StructLayouts.size(SockaddrLayouts.SOCKADDR_AX25),
            AX25_CALL = StructLayouts.size(SockaddrLayouts.AX25_ADDRESS),
            AX25_DIGIS = m(SockaddrLayouts.FULL_SOCKADDR_AX25, "fsa_digipeater").size() / AX25_CALL;

    private SockaddrFamilies() {}

    private static final Member XDP_FLAGS_AT = Member.of(SockaddrLayouts.SOCKADDR_XDP, "sxdp_flags"),
            XDP_UMEM_FD = Member.of(SockaddrLayouts.SOCKADDR_XDP, "sxdp_shared_umem_fd");
    private static final long IEEE802154_ADDR_NONE = IEEE802154_ADDR_TYPES.parse("IEEE802154_ADDR_NONE"),
            IEEE802154_ADDR_SHORT = IEEE802154_ADDR_TYPES.parse("IEEE802154_ADDR_SHORT");

    private static Member m(StructLayout l, String name) {
        return Member.of(l, name);
    }

    private static int size(StructLayout l) {
        return StructLayouts.size(l);
    }

    private static int af(String name) {
        return (int) HeaderValues.common(name);
    }

    /** The family's printer when it has one and {@code len} reaches its minimum; false for raw bytes. */
    static boolean print(CallContext c, byte[] b, int len, int family, List<Value.Field> fs) {
        if (family == AF_AX25 && len >= AX25_SIZE) {
            ax25(c, b, len, fs);
        } else if (family == AF_IPX && len >= size(SockaddrLayouts.SOCKADDR_IPX)) {
            StructLayout l = SockaddrLayouts.SOCKADDR_IPX;
            fs.add(SockaddrDecoder.port(c, "sipx_port", b, m(l, "sipx_port").offset()));
            fs.add(new Value.Field("sipx_network", new Value.Text("htonl(0x"
                    + Long.toHexString(be32(b, m(l, "sipx_network").offset())) + ")")));
            Member nodeAt = m(l, "sipx_node");
            List<Value> node = new ArrayList<>(nodeAt.size());
            for (int i = nodeAt.offset(); i < nodeAt.end(); i++) node.add(new Value.Text(hex0x(b[i] & 0xff, 1)));
            fs.add(new Value.Field("sipx_node", new Value.Array(node, false)));
            fs.add(new Value.Field("sipx_type", new Value.Text(hex0x(m(l, "sipx_type").u(b), 1))));
            long zero = m(l, "sipx_zero").u(b);
            if (zero != 0) fs.add(new Value.Field("sipx_zero", SockaddrDecoder.hex(zero)));
        } else if (family == AF_X25 && len >= size(SockaddrLayouts.SOCKADDR_X25)) {
            Member addr = m(SockaddrLayouts.SOCKADDR_X25, "sx25_addr.x25_addr");
            fs.add(new Value.Field("sx25_addr", new Value.Struct(List.of(
                    new Value.Field("x25_addr", cstring(b, addr.offset(), addr.size(), true))), false)));
        } else if (family == AF_PACKET && len >= size(SockaddrLayouts.SOCKADDR_LL)) {
            ll(c, b, len, fs);
        } else if (family == AF_BLUETOOTH && len >= 3) {
            SockaddrBluetooth.print(c, b, len, fs);
        } else if (family == AF_RXRPC && len >= 36) {
            SockaddrBluetooth.rxrpc(c, b, len, fs);
        } else if (family == AF_IEEE802154 && len >= size(SockaddrLayouts.SOCKADDR_IEEE802154)) {
            StructLayout l = SockaddrLayouts.SOCKADDR_IEEE802154;
            List<Value.Field> a = new ArrayList<>(3);
            long type = m(l, "addr.addr_type").u(b);
            a.add(new Value.Field("addr_type", xvalVerbose(c, IEEE802154_ADDR_TYPES, type)));
            a.add(new Value.Field("pan_id", xvalVerbose(c, IEEE802154_PAN_IDS, m(l, "addr.pan_id").u(b))));
            if (type == IEEE802154_ADDR_SHORT) {
                a.add(new Value.Field("short_addr", xvalVerbose(c, IEEE802154_ADDRS, m(l, "addr.short_addr").u(b))));
            } else if (type != IEEE802154_ADDR_NONE) {
                Member hw = m(l, "addr.hwaddr");
                a.add(new Value.Field("hwaddr", SockoptValues.mac(c, Arrays.copyOfRange(b, hw.offset(), hw.end()))));
            }
            fs.add(new Value.Field("addr", new Value.Struct(a, false)));
        } else if (family == AF_ALG && len > StructLayouts.offset(SockaddrLayouts.SOCKADDR_ALG, "salg_name")) {
            StructLayout l = SockaddrLayouts.SOCKADDR_ALG;
            Member type = m(l, "salg_type");
            int name = m(l, "salg_name").offset();
            fs.add(new Value.Field("salg_type", cstring(b, type.offset(), type.size(), true)));
            fs.add(new Value.Field("salg_feat", flagsVerbose(c, ALG_FLAGS, m(l, "salg_feat").u(b))));
            fs.add(new Value.Field("salg_mask", flagsVerbose(c, ALG_FLAGS, m(l, "salg_mask").u(b))));
            fs.add(new Value.Field("salg_name", cstring(b, name, len - name, true)));
        } else if (family == AF_NFC && len >= size(SockaddrLayouts.SOCKADDR_NFC)) {
            nfc(c, b, len, fs);
        } else if (family == AF_VSOCK && len >= size(SockaddrLayouts.SOCKADDR_VM)) {
            StructLayout l = SockaddrLayouts.SOCKADDR_VM;
            long reserved = m(l, "svm_reserved1").u(b);
            if (reserved != 0) fs.add(new Value.Field("svm_reserved1", SockaddrDecoder.hex(reserved)));
            fs.add(new Value.Field("svm_cid", xval(c, VSOCK_CIDS, m(l, "svm_cid").u(b))));
            fs.add(new Value.Field("svm_port", xval(c, VSOCK_PORTS, m(l, "svm_port").u(b))));
            fs.add(new Value.Field("svm_flags", c.sym(VSOCK_FLAGS, m(l, "svm_flags").u(b))));
            Member zero = m(l, "svm_zero");
            if (!IoctlFields.zero(b, zero.offset(), zero.size())) {
                fs.add(new Value.Field("svm_zero", SockaddrDecoder.hexString(b, zero.offset(), zero.size())));
            }
        } else if (family == AF_QIPCRTR && len >= size(SockaddrLayouts.SOCKADDR_QRTR)) {
            StructLayout l = SockaddrLayouts.SOCKADDR_QRTR;
            fs.add(new Value.Field("sq_node", xval(c, QRTR_NODES, m(l, "sq_node").u(b))));
            fs.add(new Value.Field("sq_port", xval(c, QRTR_PORTS, m(l, "sq_port").u(b))));
        } else if (family == AF_XDP && len >= size(SockaddrLayouts.SOCKADDR_XDP)) {
            StructLayout l = SockaddrLayouts.SOCKADDR_XDP;
            long flags = m(l, "sxdp_flags").u(b);
            fs.add(new Value.Field("sxdp_flags", c.sym(XDP_FLAGS, flags)));
            fs.add(new Value.Field("sxdp_ifindex", SockaddrDecoder.ifindex(c, m(l, "sxdp_ifindex").u(b))));
            fs.add(new Value.Field("sxdp_queue_id", new Value.Num(m(l, "sxdp_queue_id").u(b), Value.Radix.UDEC)));
            long fd = XDP_UMEM_FD.u(b);
            if ((flags & HeaderValues.common("XDP_SHARED_UMEM")) != 0) {
                fs.add(new Value.Field("sxdp_shared_umem_fd", c.fd((int) fd)));
            } else if (fd != 0) {
                fs.add(new Value.Field("sxdp_shared_umem_fd", SockaddrDecoder.hex(fd)));
            }
        } else if (family == AF_MCTP && len >= size(SockaddrLayouts.SOCKADDR_MCTP)) {
            StructLayout l = SockaddrLayouts.SOCKADDR_MCTP;
            long pad0 = m(l, "__smctp_pad0").u(b), pad1 = m(l, "__smctp_pad1").u(b);
            if (pad0 != 0) fs.add(new Value.Field("__smctp_pad0", SockaddrDecoder.hex(pad0)));
            fs.add(new Value.Field("smctp_network", xval(c, MCTP_NETS, m(l, "smctp_network").u(b))));
            fs.add(new Value.Field("smctp_addr", new Value.Struct(List.of(
                    new Value.Field("s_addr", xval(c, MCTP_ADDRS, m(l, "smctp_addr.s_addr").u(b)))), false)));
            fs.add(new Value.Field("smctp_type", SockaddrDecoder.hex(m(l, "smctp_type").u(b))));
            fs.add(new Value.Field("smctp_tag", SockaddrDecoder.hex(m(l, "smctp_tag").u(b))));
            if (pad1 != 0) fs.add(new Value.Field("__smctp_pad1", SockaddrDecoder.hex(pad1)));
        } else {
            return false;
        }
        return true;
    }

    /** Under {@code -y}: records the path of the fd an address names (AF_XDP's shared umem socket). */
    static void captureFds(dev.jstrace.proc.TraceeMemory mem, byte[] b) {
        if (b.length >= StructLayouts.size(SockaddrLayouts.SOCKADDR_XDP) && u16(b, 0) == AF_XDP
                && (XDP_FLAGS_AT.u(b) & HeaderValues.common("XDP_SHARED_UMEM")) != 0) {
            mem.fdPath((int) XDP_UMEM_FD.s(b));
        }
    }

    /** print_sockaddr_data_ll. */
    private static void ll(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        StructLayout l = SockaddrLayouts.SOCKADDR_LL;
        Member proto = m(l, "sll_protocol"), addrAt = m(l, "sll_addr");
        fs.add(new Value.Field("sll_protocol", SockaddrDecoder.styled(c, SockaddrDecoder.hexString(b, proto.offset(),
                proto.size()), "htons(" + ETH_P.render(u16be(b, proto.offset()), DecodeOptions.Xlat.ABBREV) + ")")));
        fs.add(new Value.Field("sll_ifindex", SockaddrDecoder.ifindex(c, m(l, "sll_ifindex").u(b))));
        fs.add(new Value.Field("sll_hatype", c.sym(ARPHRD, m(l, "sll_hatype").u(b))));
        fs.add(new Value.Field("sll_pkttype", c.sym(PACKET_TYPES, m(l, "sll_pkttype").u(b))));
        int halen = (int) m(l, "sll_halen").u(b);
        fs.add(new Value.Field("sll_halen", new Value.Num(halen, Value.Radix.UDEC)));
        if (halen == 0) return;
        int oob = len - addrAt.offset();
        List<Value> addr = new ArrayList<>(halen);
        boolean more = false;
        for (int i = 0; i < halen; i++) {
            // sll_addr may run on into the rest of the sockaddr_storage strace copied.
            if (i >= oob || i >= addrAt.size() + (SockaddrDecoder.STORAGE - StructLayouts.size(l))) {
                more = true;
                break;
            }
            addr.add(new Value.Text(hex0x(b[addrAt.offset() + i] & 0xff, 1)));
        }
        fs.add(new Value.Field("sll_addr", new Value.Array(addr, more)));
    }

    /** print_sockaddr_data_ax25: the call and the digipeater count, the digipeaters of a full address. */
    private static void ax25(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        int ndigis = (int) m(SockaddrLayouts.SOCKADDR_AX25, "sax25_ndigis").s(b);
        boolean full = ndigis != 0 || len > AX25_SIZE;
        List<Value.Field> head = List.of(new Value.Field("sax25_call", SockaddrAx25.address(c, b,
                        m(SockaddrLayouts.SOCKADDR_AX25, "sax25_call").offset())),
                new Value.Field("sax25_ndigis", new Value.Num(ndigis, Value.Radix.DEC)));
        if (!full) {
            fs.addAll(head);
            return;
        }
        fs.add(new Value.Field("fsa_ax25", new Value.Struct(head, false)));
        int has = Math.min((len - AX25_SIZE) / AX25_CALL, AX25_DIGIS);
        int want = Math.min(Math.max(ndigis, 0), AX25_DIGIS);
        int digis = Math.min(has, want);
        if (want != 0) {
            List<Value> ds = new ArrayList<>(digis);
            int at = m(SockaddrLayouts.FULL_SOCKADDR_AX25, "fsa_digipeater").offset();
            for (int i = 0; i < digis; i++) ds.add(SockaddrAx25.address(c, b, at + AX25_CALL * i));
            fs.add(new Value.Field("fsa_digipeater", new Value.Array(ds, want > has)));
        }
        if (len > has * AX25_CALL + AX25_SIZE) fs.add(new Value.Field(null, new Value.Text("...")));
    }

    /** print_sockaddr_data_nfc: the device, target and protocol; the LLCP fields when the length holds them. */
    private static void nfc(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        StructLayout l = SockaddrLayouts.SOCKADDR_NFC_LLCP;
        fs.add(new Value.Field("dev_idx", SockaddrDecoder.ifindex(c, m(l, "dev_idx").u(b))));
        fs.add(new Value.Field("target_idx", SockaddrDecoder.hex(m(l, "target_idx").u(b))));
        fs.add(new Value.Field("nfc_protocol", c.sym(NFC_PROTOCOLS, m(l, "nfc_protocol").u(b))));
        // struct sockaddr_nfc_llcp: sockaddr_nfc's members, the saps, service_name, service_name_len.
        int llcp = StructLayouts.size(l);
        if (len < llcp) {
            if (len > StructLayouts.size(SockaddrLayouts.SOCKADDR_NFC)) fs.add(new Value.Field(null, new Value.Text("...")));
            return;
        }
        long snsz = m(l, "service_name_len").u(b);
        Member name = m(l, "service_name");
        fs.add(new Value.Field("dsap", xvalVerbose(c, NFC_SAPS, m(l, "dsap").u(b))));
        fs.add(new Value.Field("ssap", xvalVerbose(c, NFC_SAPS, m(l, "ssap").u(b))));
        int n = (int) (Long.compareUnsigned(snsz, name.size()) > 0 ? name.size() : snsz);
        fs.add(new Value.Field("service_name", Value.Str.whole(Arrays.copyOfRange(b, name.offset(), name.offset() + n),
                false)));
        fs.add(new Value.Field("service_name_len", new Value.Text(Long.toUnsignedString(snsz))));
    }

    /** PRINT_FIELD_XVAL with no default: the name, else the number in hex. */
    static Value xval(CallContext c, ConstTable t, long v) {
        return c.sym(t, v);
    }

    /** PRINT_FIELD_XVAL_VERBOSE: {@code 0x1 /* NAME * /} (the unknown default in the comment) except under raw. */
    static Value xvalVerbose(CallContext c, ConstTable t, long v) {
        Value n = SockaddrDecoder.hex(v);
        if (c.opt.xlat() == DecodeOptions.Xlat.RAW) return n;
        String name = t.name(v);
        if (name == null) name = t.sym(v).unknown();
        return name == null ? n : new Value.Commented(n, name);
    }

    /** PRINT_FIELD_FLAGS_VERBOSE: {@code 0x1001 /* A|0x1 * /}, 0 as {@code 0}, the number alone under raw. */
    static Value flagsVerbose(CallContext c, ConstTable t, long v) {
        Value n = SockaddrDecoder.hex(v);
        if (v == 0 || c.opt.xlat() == DecodeOptions.Xlat.RAW) return n;
        Value.Sym s = t.sym(v);
        return new Value.Commented(n, s.names().isEmpty() && s.unknown() != null ? s.unknown()
                : t.render(v, DecodeOptions.Xlat.ABBREV));
    }

    /** print_quoted_string(QUOTE_0_TERMINATED[|QUOTE_EXPECT_TRAILING_0]) of a {@code size}-byte field. */
    static Value cstring(byte[] b, int at, int size, boolean expectTrailing0) {
        int limit = Math.max(size - 1, 0);
        int e = 0;
        while (e < limit && b[at + e] != 0) e++;
        boolean cut = expectTrailing0 && e == limit;
        return Value.Str.whole(Arrays.copyOfRange(b, at, at + e), cut);
    }

    /** PRINT_VAL_0X: {@code %#0*x} over the value's width in bytes. */
    static String hex0x(long v, int bytes) {
        String h = Long.toHexString(v);
        int width = bytes * 2;
        if (v == 0) return "0".repeat(width + 2);
        return "0x" + "0".repeat(Math.max(0, width - h.length())) + h;
    }

    private static long be32(byte[] b, int at) {
        return MemoryView.u32be(b, at);
    }
}

package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.u16;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * strace 6.1's print_sockaddr_data_bt (the HCI, SCO, RFCOMM and L2CAP addresses, told apart by the
 * length) and print_sockaddr_data_rxrpc (the service, then the transport's inet or inet6 address).
 */
final class SockaddrBluetooth {
    /** The lengths that tell the addresses apart: sockaddr_hci's up to hci_dev and whole, sco, rc, l2 without and with l2_bdaddr_type. */
    private static final int HCI_DEV_END = m(SockaddrLayouts.SOCKADDR_HCI, "hci_dev").end(),
            HCI = StructLayouts.size(SockaddrLayouts.SOCKADDR_HCI), SCO = StructLayouts.size(SockaddrLayouts.SOCKADDR_SCO),
            RC = StructLayouts.size(SockaddrLayouts.SOCKADDR_RC),
            L2_TYPE = m(SockaddrLayouts.SOCKADDR_L2, "l2_bdaddr_type").offset(),
            L2 = StructLayouts.size(SockaddrLayouts.SOCKADDR_L2);
    private static final int PSM_LE_DYN_START = c("L2CAP_PSM_LE_DYN_START"), PSM_LE_DYN_END = c("L2CAP_PSM_LE_DYN_END"),
            PSM_DYN_START = c("L2CAP_PSM_DYN_START"), CID_DYN_START = c("L2CAP_CID_DYN_START");
    private static final int AF_INET = c("AF_INET"), AF_INET6 = c("AF_INET6");

    private SockaddrBluetooth() {}

    private static StructLayouts.Member m(java.lang.foreign.StructLayout l, String name) {
        return StructLayouts.Member.of(l, name);
    }

    private static Value mac(CallContext c, byte[] b, StructLayouts.Member m) {
        return SockoptValues.mac(c, Arrays.copyOfRange(b, m.offset(), m.end()));
    }

    private static int c(String name) {
        return (int) HeaderValues.common(name);
    }

    static void print(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        var hci = SockaddrLayouts.SOCKADDR_HCI;
        var rc = SockaddrLayouts.SOCKADDR_RC;
        var l2 = SockaddrLayouts.SOCKADDR_L2;
        if (len == HCI_DEV_END || len == HCI) {
            fs.add(new Value.Field("hci_dev", new Value.Text("htobs(" + m(hci, "hci_dev").u(b) + ")")));
            if (len == HCI) {
                fs.add(new Value.Field("hci_channel", c.sym(SockaddrFamilies.HCI_CHANNELS, m(hci, "hci_channel").u(b))));
            }
        } else if (len == SCO) {
            fs.add(new Value.Field("sco_bdaddr", mac(c, b, m(SockaddrLayouts.SOCKADDR_SCO, "sco_bdaddr"))));
        } else if (len == RC) {
            fs.add(new Value.Field("rc_bdaddr", mac(c, b, m(rc, "rc_bdaddr"))));
            fs.add(new Value.Field("rc_channel", new Value.Num(m(rc, "rc_channel").u(b), Value.Radix.UDEC)));
        } else if (len == L2_TYPE || len == L2) {
            fs.add(new Value.Field("l2_psm", l2(c, (int) m(l2, "l2_psm").u(b), SockaddrFamilies.L2_PSM, "L2CAP_PSM_???",
                    true)));
            fs.add(new Value.Field("l2_bdaddr", mac(c, b, m(l2, "l2_bdaddr"))));
            fs.add(new Value.Field("l2_cid", l2(c, (int) m(l2, "l2_cid").u(b), SockaddrFamilies.L2_CID, "L2CAP_CID_???",
                    false)));
            if (len == L2) {
                fs.add(new Value.Field("l2_bdaddr_type", c.sym(SockaddrFamilies.BDADDR_TYPES,
                        m(l2, "l2_bdaddr_type").u(b))));
            }
        } else {
            fs.add(SockaddrDecoder.raw(b, len));
        }
    }

    /** print_bluetooth_l2_psm / _cid: {@code htobs(NAME)}, {@code htobs(L2CAP_PSM_DYN_START+N)}, else the number. */
    private static Value l2(CallContext c, int v, ConstTable t, String unknown, boolean psm) {
        String name = t.name(v);
        String dyn = null;
        if (name == null && psm && v >= PSM_LE_DYN_START && v <= PSM_LE_DYN_END) {
            dyn = "L2CAP_PSM_LE_DYN_START+" + (v - PSM_LE_DYN_START);
        } else if (name == null && v >= (psm ? PSM_DYN_START : CID_DYN_START)) {
            dyn = (psm ? "L2CAP_PSM_DYN_START+" + (v - PSM_DYN_START) : "L2CAP_CID_DYN_START+" + (v - CID_DYN_START));
        }
        boolean known = name != null || dyn != null;
        DecodeOptions.Xlat xs = c.opt.xlat();
        StringBuilder sb = new StringBuilder("htobs(");
        if (xs != DecodeOptions.Xlat.ABBREV || !known) sb.append(v == 0 ? "0" : "0x" + Integer.toHexString(v));
        if (xs != DecodeOptions.Xlat.RAW) {
            boolean comment = xs == DecodeOptions.Xlat.VERBOSE || !known;
            if (comment) sb.append(" /* ");
            sb.append(name != null ? name : dyn != null ? dyn : unknown);
            if (comment) sb.append(" */");
        }
        return new Value.Text(sb.append(')').toString());
    }

    /** print_sockaddr_data_rxrpc. */
    static void rxrpc(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        var rx = SockaddrLayouts.SOCKADDR_RXRPC;
        int tlen = (int) m(rx, "transport_len").u(b);
        fs.add(new Value.Field("srx_service", SockaddrFamilies.xvalVerbose(c, SockaddrFamilies.RXRPC_SERVICES,
                m(rx, "srx_service").u(b))));
        fs.add(new Value.Field("transport_type", c.sym(Constants.SOCK_TYPE, m(rx, "transport_type").u(b))));
        fs.add(new Value.Field("transport_len", new Value.Num(tlen, Value.Radix.UDEC)));
        int at = m(rx, "transport").offset();
        int eff = Math.min(tlen, len - at);
        // The family's two bytes, then what the transport_len says follows it.
        int fam = StructLayouts.offset(StructLayouts.SOCKADDR_IN, "sin_port");
        int rest = Math.max(0, eff - fam);
        int family = u16(b, at);
        List<Value.Field> t = new ArrayList<>(4);
        Value.Field bytes = rest > 0 ? new Value.Field(null, Value.Str.whole(Arrays.copyOfRange(b, at + fam,
                at + fam + rest), false)) : null;
        if (family == AF_INET || family == AF_INET6) {
            boolean in = family == AF_INET;
            List<Value.Field> s = new ArrayList<>(5);
            s.add(new Value.Field(in ? "sin_family" : "sin6_family", c.sym(Constants.AF, family)));
            if (in && tlen >= StructLayouts.size(StructLayouts.SOCKADDR_IN)) {
                StructLayouts.Member addr = m(StructLayouts.SOCKADDR_IN, "sin_addr");
                s.add(SockaddrDecoder.port(c, "sin_port", b, at + fam));
                s.addAll(SockaddrDecoder.inetAddr(c, "sin_addr", Arrays.copyOfRange(b, at + addr.offset(),
                        at + addr.end())));
            } else if (!in && tlen >= SockaddrDecoder.SIN6_MIN_LEN) {
                SockaddrDecoder.in6(c, b, at, eff, s);
            } else if (bytes != null) {
                s.add(bytes);
            }
            t.add(new Value.Field(in ? "sin" : "sin6", new Value.Struct(s, false)));
        } else {
            t.add(new Value.Field("family", c.sym(Constants.AF, family)));
            if (bytes != null) t.add(bytes);
        }
        fs.add(new Value.Field("transport", new Value.Struct(t, false)));
    }
}

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
    /** sockaddr_hci's hci_dev end and size, sockaddr_sco's, sockaddr_rc's, sockaddr_l2's l2_bdaddr_type and size. */
    private static final int HCI_DEV_END = 4, HCI = 6, SCO = 8, RC = 10, L2_TYPE = 12, L2 = 14;
    private static final int PSM_LE_DYN_START = c("L2CAP_PSM_LE_DYN_START"), PSM_LE_DYN_END = c("L2CAP_PSM_LE_DYN_END"),
            PSM_DYN_START = c("L2CAP_PSM_DYN_START"), CID_DYN_START = c("L2CAP_CID_DYN_START");
    private static final int AF_INET = c("AF_INET"), AF_INET6 = c("AF_INET6");

    private SockaddrBluetooth() {}

    private static int c(String name) {
        return (int) HeaderValues.common(name);
    }

    static void print(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        switch (len) {
            case HCI_DEV_END, HCI -> {
                fs.add(new Value.Field("hci_dev", new Value.Text("htobs(" + u16(b, 2) + ")")));
                if (len == HCI) fs.add(new Value.Field("hci_channel", c.sym(SockaddrFamilies.HCI_CHANNELS, u16(b, 4))));
            }
            case SCO -> fs.add(new Value.Field("sco_bdaddr", SockoptValues.mac(c, Arrays.copyOfRange(b, 2, 8))));
            case RC -> {
                fs.add(new Value.Field("rc_bdaddr", SockoptValues.mac(c, Arrays.copyOfRange(b, 2, 8))));
                fs.add(new Value.Field("rc_channel", new Value.Num(b[8] & 0xff, Value.Radix.UDEC)));
            }
            case L2_TYPE, L2 -> {
                fs.add(new Value.Field("l2_psm", l2(c, u16(b, 2), SockaddrFamilies.L2_PSM, "L2CAP_PSM_???", true)));
                fs.add(new Value.Field("l2_bdaddr", SockoptValues.mac(c, Arrays.copyOfRange(b, 4, 10))));
                fs.add(new Value.Field("l2_cid", l2(c, u16(b, 10), SockaddrFamilies.L2_CID, "L2CAP_CID_???", false)));
                if (len == L2) fs.add(new Value.Field("l2_bdaddr_type", c.sym(SockaddrFamilies.BDADDR_TYPES, b[12] & 0xff)));
            }
            default -> fs.add(SockaddrDecoder.raw(b, len));
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
        int tlen = u16(b, 6);
        fs.add(new Value.Field("srx_service", SockaddrFamilies.xvalVerbose(c, SockaddrFamilies.RXRPC_SERVICES, u16(b, 2))));
        fs.add(new Value.Field("transport_type", c.sym(Constants.SOCK_TYPE, u16(b, 4))));
        fs.add(new Value.Field("transport_len", new Value.Num(tlen, Value.Radix.UDEC)));
        int at = 8;
        int eff = Math.min(tlen, len - at);
        int rest = Math.max(0, eff - 2);
        int family = u16(b, at);
        List<Value.Field> t = new ArrayList<>(4);
        Value.Field bytes = rest > 0 ? new Value.Field(null, Value.Str.whole(Arrays.copyOfRange(b, at + 2,
                at + 2 + rest), false)) : null;
        if (family == AF_INET || family == AF_INET6) {
            boolean in = family == AF_INET;
            List<Value.Field> s = new ArrayList<>(5);
            s.add(new Value.Field(in ? "sin_family" : "sin6_family", c.sym(Constants.AF, family)));
            if (in && tlen >= StructLayouts.size(StructLayouts.SOCKADDR_IN)) {
                s.add(SockaddrDecoder.port(c, "sin_port", b, at + 2));
                s.addAll(SockaddrDecoder.inetAddr(c, "sin_addr", Arrays.copyOfRange(b, at + 4, at + 8)));
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

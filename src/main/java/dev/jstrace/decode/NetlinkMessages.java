package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * A buffer of netlink messages as strace prints it: each {@code struct nlmsghdr}
 * with its type and flags named after the socket's protocol, then its payload
 * (the protocol's decoder, {@code struct nlmsgerr} for NLMSG_ERROR, else hex);
 * several messages as an array, cut after {@code -s} of them; a header that is
 * too short or unreadable as strace shows it (hex, the address, or
 * {@code ... /* 0x... * /} inside an array).
 */
final class NetlinkMessages {
    static final int HDRLEN = 16;
    static final int NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3, NLMSG_MIN_TYPE = 16;
    static final int NETLINK_ROUTE = 0, NETLINK_SOCK_DIAG = 4, NETLINK_XFRM = 6, NETLINK_SELINUX = 7,
            NETLINK_AUDIT = 9, NETLINK_NETFILTER = 12, NETLINK_KOBJECT_UEVENT = 15, NETLINK_GENERIC = 16,
            NETLINK_CRYPTO = 21;
    private static final int NLM_F_CAPPED = 0x100;

    /** One message's header fields. */
    record Header(long len, int type, int flags, long seq, long pid) {}

    /** What a walk reads and how it prints: the call, the captured bytes, the socket's protocol. */
    record Walk(CallContext c, TraceeBytes mem, int family) {
        int stringLimit() {
            return c.opt.stringLimit();
        }

        /** strace abbreviates arrays to {@code -s} elements unless {@code -v}. */
        boolean abbreviates() {
            return !c.opt.verbose();
        }
    }

    private NetlinkMessages() {}

    /** The messages in {@code [addr, addr + len)} of a socket speaking {@code family}. */
    static Value decode(CallContext c, TraceeBytes mem, long addr, long len, int family) {
        Walk w = new Walk(c, mem, family);
        List<Value> items = new ArrayList<>();
        boolean array = false;
        for (int elt = 0; ; elt++) {
            if (len < HDRLEN) {
                items.add(mem.hexString(addr, len, w.stringLimit()));
                break;
            }
            if (!mem.readable(addr, HDRLEN)) {
                items.add(array ? more(addr) : new Value.Ptr(addr));
                break;
            }
            if (w.abbreviates() && elt == w.stringLimit()) {
                items.add(new Value.Text("..."));
                break;
            }
            Header h = header(mem, addr);
            long aligned = align4(h.len());
            long nextAddr = 0, nextLen = 0;
            if (h.len() >= HDRLEN) {
                nextLen = len >= aligned ? len - aligned : 0;
                if (nextLen != 0) nextAddr = addr + aligned;
            }
            if (!array && nextAddr != 0) array = true;
            items.add(withPayload(w, h, addr, len));
            if (nextAddr == 0) break;
            addr = nextAddr;
            len = nextLen;
        }
        return array ? new Value.Array(items, false) : items.get(0);
    }

    /** strace's {@code ... /* 0x7f... * /}: the rest of an array could not be read. */
    static Value more(long addr) {
        return new Value.Text("... /* 0x" + Long.toHexString(addr) + " */");
    }

    static long align4(long n) {
        return (n + 3) & ~3L;
    }

    static Header header(TraceeBytes mem, long addr) {
        return new Header(mem.u32(addr), mem.u16(addr + 4), mem.u16(addr + 6), mem.u32(addr + 8),
                mem.u32(addr + 12));
    }

    /** {@code [{nlmsg_len=...}, payload]}, or the header alone when nothing follows it. */
    static Value withPayload(Walk w, Header h, long addr, long len) {
        long msgLen = Math.min(h.len(), len);
        Value hdr = headerValue(w, h);
        if (msgLen <= HDRLEN) return hdr;
        List<Value> items = new ArrayList<>(3);
        items.add(hdr);
        items.addAll(payload(w, h, addr + HDRLEN, msgLen - HDRLEN));
        return new Value.Array(items, false);
    }

    static Value headerValue(Walk w, Header h) {
        List<Value.Field> fs = new ArrayList<>(5);
        fs.add(new Value.Field("nlmsg_len", new Value.Num(h.len(), Value.Radix.UDEC)));
        fs.add(new Value.Field("nlmsg_type", NetlinkTypes.type(w.family(), h.type())));
        fs.add(new Value.Field("nlmsg_flags", NetlinkTypes.flags(w.family(), h.type(), h.flags())));
        fs.add(new Value.Field("nlmsg_seq", new Value.Num(h.seq(), Value.Radix.UDEC)));
        // strace's PRINT_FIELD_TGID: signed, translated under --decode-pids=pidns.
        fs.add(new Value.Field("nlmsg_pid", w.c().pid((int) h.pid(), PidNamespaces.Kind.TGID)));
        return new Value.Struct(fs, false);
    }

    /** The payload's items, printed after the header in the same array (a struct, then its attributes). */
    private static List<Value> payload(Walk w, Header h, long addr, long len) {
        if (h.type() == NLMSG_ERROR) return List.of(error(w, addr, len, (h.flags() & NLM_F_CAPPED) != 0));
        if (h.type() >= NLMSG_MIN_TYPE || h.type() == NLMSG_DONE) {
            List<Value> v = NetlinkFamilies.payload(w, h, addr, len);
            if (v != null) return v;
        }
        if (h.type() == NLMSG_DONE && len == 4) {
            return List.of(w.mem().readable(addr, 4) ? new Value.Num(w.mem().s32(addr), Value.Radix.DEC)
                    : new Value.Ptr(addr));
        }
        return List.of(w.mem().hexString(addr, len, w.stringLimit()));
    }

    /** struct nlmsgerr: {@code {error=-EACCES, msg=...}}, then its extended-ack attributes. */
    private static Value error(Walk w, long addr, long len, boolean capped) {
        TraceeBytes mem = w.mem();
        if (len < 4 + HDRLEN) return mem.hexString(addr, len, w.stringLimit());
        if (!mem.readable(addr, 4 + HDRLEN)) return new Value.Ptr(addr);
        int err = mem.s32(addr);
        Header msg = header(mem, addr + 4);
        addr += 4;
        len -= 4;
        long msgLen = Math.max(HDRLEN, msg.len());
        long payload = Math.min(len, capped ? HDRLEN : msgLen);
        Value e = err < 0 && new Errno(-err).known() ? new Value.Text("-" + new Errno(-err).name())
                : new Value.Num(err, Value.Radix.DEC);
        Value s = new Value.Struct(List.of(new Value.Field("error", e),
                new Value.Field("msg", withPayload(w, msg, addr, payload))), false);
        if (len <= payload) return s;
        return new Value.Array(List.of(s, NetlinkAttrs.decode(w, addr + payload, len - payload,
                NetlinkTables.NLMSGERR_ATTRS, NetlinkAttrs.NLMSGERR)), false);
    }
}

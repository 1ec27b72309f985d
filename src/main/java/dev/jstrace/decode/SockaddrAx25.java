package dev.jstrace.decode;

import java.util.Arrays;
import java.util.List;

/** An AX.25 address (ax25_address: six shifted characters and the SSID) as strace 6.1's print_ax25_addr prints it. */
final class SockaddrAx25 {
    private static final int CALL = 7;

    private SockaddrAx25() {}

    /**
     * print_ax25_addr of the address at {@code at}: {@code VALID-13} when it is a sane callsign, the raw
     * {@code {ax25_call="\x.."}} with the text in a comment when it is odd, the raw form alone when it holds
     * characters a comment cannot; the xlat style decides for a sane one.
     */
    static Value address(CallContext c, byte[] b, int at) {
        byte[] a = Arrays.copyOfRange(b, at, at + CALL);
        DecodeOptions.Xlat xs = check(a);
        if (xs == null) xs = c.opt.xlat();
        Value raw = new Value.Struct(List.of(new Value.Field("ax25_call", SockaddrDecoder.hexString(a, 0, CALL))), false);
        return switch (xs) {
            case RAW -> raw;
            case ABBREV -> new Value.Text(text(a));
            case VERBOSE -> new Value.Commented(raw, text(a));
        };
    }

    /** check_ax25_address: null (the default style), VERBOSE for an odd address, RAW for an unprintable one. */
    private static DecodeOptions.Xlat check(byte[] a) {
        DecodeOptions.Xlat ret = null;
        boolean spaceSeen = false, charSeen = false;
        for (int i = 0; i < CALL - 1; i++) {
            int ch = a[i] & 0xff;
            if ((ch & 1) != 0) ret = DecodeOptions.Xlat.VERBOSE;
            ch >>= 1;
            if (ch == ' ') spaceSeen = true;
            else charSeen = true;
            if ((ch < '0' || ch > '9') && (ch < 'A' || ch > 'Z') && ch != ' ') ret = DecodeOptions.Xlat.VERBOSE;
            if (ch != ' ' && spaceSeen) ret = DecodeOptions.Xlat.VERBOSE;
            if (ch < ' ' || ch > 0x7e || ch == '*' || ch == '/') return DecodeOptions.Xlat.RAW;
        }
        int last = a[CALL - 1] & 0xff;
        if ((last & ~0x1e) != 0) ret = DecodeOptions.Xlat.VERBOSE;
        if (!charSeen && last != 0) ret = DecodeOptions.Xlat.VERBOSE;
        return ret;
    }

    /** ax25_addr2str: the callsign without trailing spaces, {@code -} and the SSID; {@code *} for an empty one. */
    private static String text(byte[] a) {
        int end;
        for (end = CALL - 1; end > 0; end--) {
            if (((a[end - 1] & 0xff) >> 1) != ' ') break;
        }
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < end; i++) sb.append((char) ((a[i] & 0xff) >> 1));
        sb.append('-');
        int ssid = ((a[CALL - 1] & 0xff) >> 1) & 0xf;
        if (ssid > 9) {
            sb.append('1');
            ssid -= 10;
        }
        sb.append((char) ('0' + ssid));
        String s = sb.toString();
        return s.startsWith("-0") ? "*" : s;
    }
}

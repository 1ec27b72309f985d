package dev.jstrace.decode;

/**
 * strace's quoting of strings and buffers ({@code string_quote} in strace's util.c):
 * {@code \n \t \r \v \f \" \\} escaped, other non-printables in octal (the shortest
 * form, unless the next byte is an octal digit, then three digits), {@code -x}
 * switches the whole string to {@code \xNN} when any byte is neither printable
 * ASCII nor whitespace, {@code -xx} always does; {@code --strings-in-hex=non-ascii-chars}
 * (level 3) keeps the C escapes and prints each other non-printable byte as {@code \xNN}.
 */
public final class StringQuoter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StringQuoter() {}

    /**
     * Appends {@code "..."} for {@code len} bytes of {@code data}, then {@code ...}
     * after the closing quote when {@code ellipsis}.
     *
     * @param hex 0 normal, 1 {@code -x}, 2 {@code -xx} or a forced-hex argument (getrandom), 3 hex for
     *            non-printable characters only ({@code --strings-in-hex=non-ascii-chars})
     * @param out where to write
     * @param data the data
     * @param len how many bytes
     * @param ellipsis the ellipsis
     */
    public static void quote(StringBuilder out, byte[] data, int len, boolean ellipsis, int hex) {
        out.append('"');
        escape(out, data, len, hex, false);
        out.append('"');
        if (ellipsis) out.append("...");
    }

    /**
     * Appends a descriptor's path as {@code -y} prints it between {@code <} and {@code >}:
     * escaped like a string (so {@code -x}/{@code -xx} apply) but without the quotes, and
     * with {@code <} and {@code >} in octal (strace's {@code print_quoted_string_ex(..., "<>")}).
     *
     * @param out where to write
     * @param data the data
     * @param hex the -x level (0 none, 1 non-printable, 2 all)
     */
    public static void quoteFdPath(StringBuilder out, byte[] data, int hex) {
        escape(out, data, data.length, hex, true);
    }

    private static void escape(StringBuilder out, byte[] data, int len, int hex, boolean angles) {
        boolean useHex = hex == 2 || (hex == 1 && needsHex(data, len));
        if (useHex) {
            for (int i = 0; i < len; i++) {
                int c = data[i] & 0xff;
                out.append('\\').append('x').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        } else {
            for (int i = 0; i < len; i++) {
                int c = data[i] & 0xff;
                switch (c) {
                    case '"', '\\' -> out.append('\\').append((char) c);
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case 0x0b -> out.append("\\v");
                    default -> {
                        if (c >= ' ' && c < 0x7f && !(angles && (c == '<' || c == '>'))) {
                            out.append((char) c);
                        } else {
                            out.append('\\');
                            if (hex == 3) {
                                out.append('x').append(HEX[c >> 4]).append(HEX[c & 15]);
                                continue;
                            }
                            boolean nextOctal = i + 1 < len && data[i + 1] >= '0' && data[i + 1] <= '7';
                            if (nextOctal) {
                                out.append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)));
                            } else if ((c >> 3) != 0) {
                                if ((c >> 6) != 0) out.append((char) ('0' + (c >> 6)));
                                out.append((char) ('0' + ((c >> 3) & 7)));
                            }
                            out.append((char) ('0' + (c & 7)));
                        }
                    }
                }
            }
        }
    }

    /**
     * {@return the quoted text as a new string}
     *
     * @param data the data
     * @param len how many bytes
     * @param ellipsis the ellipsis
     * @param hex the -x level (0 none, 1 non-printable, 2 all)
     */
    public static String quote(byte[] data, int len, boolean ellipsis, int hex) {
        StringBuilder sb = new StringBuilder(len + 8);
        quote(sb, data, len, ellipsis, hex);
        return sb.toString();
    }

    /** strace -x: hex when a byte is above 0x7e or a control character other than \t\n\v\f\r. */
    private static boolean needsHex(byte[] data, int len) {
        for (int i = 0; i < len; i++) {
            int c = data[i] & 0xff;
            if (c > 0x7e || (c < ' ' && (c - 9 < 0 || c - 9 >= 5))) return true;
        }
        return false;
    }
}

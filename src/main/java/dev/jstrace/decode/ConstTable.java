package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of named constants, declared as data: names in strace's print order,
 * their values from the headers ({@link HeaderValues}): a name the generated
 * tables lack gets a group in scripts/gentables/ConstantGroups.java (a header the
 * compiler evaluates, or strace 6.1's xlat for names no pinned header has) and
 * scripts/gen-tables is run; {@code NAME=value} remains only for tests. {@code !NAME}
 * is strace's label of 0 (the bit clear). It is
 * rendered as strace renders it: a flag set as {@code A|B|0x40}, an enumeration as
 * its name, each under {@code -X abbrev}, {@code verbose} ({@code 0x3 /* A|B * /})
 * or {@code raw} ({@code 0x3}). An unknown value prints with strace's
 * {@code /* PREFIX_??? * /} comment.
 */
public final class ConstTable {
    private final long[] values;
    private final String[] names;
    private final boolean flags;
    private final boolean hexRaw;
    private final String unknownComment;

    private ConstTable(long[] values, String[] names, boolean flags, boolean hexRaw, String unknownComment) {
        this.values = values;
        this.names = names;
        this.flags = flags;
        this.hexRaw = hexRaw;
        this.unknownComment = unknownComment;
    }

    /**
     * {@return a flag set; bits are matched in declaration order (list a multi-bit name before its parts)}
     *
     * @param unknownComment the unknown comment
     * @param decl the decl
     */
    public static ConstTable flags(String unknownComment, String decl) {
        return parseDecl(decl, true, true, unknownComment, null);
    }

    /**
     * {@return a flag set whose values are {@code arch}'s headers' (open flags: arm64 moves four of them)}
     *
     * @param arch           whose header values the names take
     * @param unknownComment the comment strace prints when no name applies ({@code O_???})
     * @param decl           the names in print order (values from the generated tables)
     */
    public static ConstTable flags(Arch arch, String unknownComment, String decl) {
        return parseDecl(decl, true, true, unknownComment, arch);
    }

    /**
     * {@return an enumeration whose raw form is decimal: only for the few values strace prints with
     * {@code printxval_d}/{@code printxval_u}; its {@code printxval} prints every other one in hex}
     *
     * @param unknownComment the unknown comment
     * @param decl the decl
     */
    public static ConstTable enumDec(String unknownComment, String decl) {
        return parseDecl(decl, false, false, unknownComment, null);
    }

    /**
     * {@return an enumeration whose raw form is hex, as strace's {@code printxval} prints a value under
     * {@code -X raw}, under {@code -X verbose} ({@code 0x1 /* SEEK_CUR * /}) and when no name applies
     * ({@code 0x5 /* SEEK_??? * /})}
     *
     * @param unknownComment the unknown comment
     * @param decl the decl
     */
    public static ConstTable enumHex(String unknownComment, String decl) {
        return parseDecl(decl, false, true, unknownComment, null);
    }

    /**
     * {@return an enumeration whose values are {@code arch}'s headers', raw form hex (KVM's
     * capabilities: linux/kvm.h defines some on some arches only)}
     *
     * @param arch           whose header values the names take
     * @param unknownComment the comment strace prints when no name applies
     * @param decl           the names (values from the generated tables)
     */
    static ConstTable enumHex(Arch arch, String unknownComment, String decl) {
        return parseDecl(decl, false, true, unknownComment, arch);
    }

    /** {@code arch} null: a table shared by every arch, whose header values must agree. */
    private static ConstTable parseDecl(String decl, boolean flags, boolean hexRaw, String unknown, Arch arch) {
        List<String> ns = new ArrayList<>();
        List<Long> vs = new ArrayList<>();
        for (String tok : decl.trim().split("\\s+")) {
            if (tok.startsWith("!")) {
                // strace's "the bit is clear" label (!PR_TAGGED_ADDR_ENABLE): a rendering of 0, not a constant.
                ns.add(tok);
                vs.add(0L);
                continue;
            }
            int eq = tok.indexOf('=');
            if (eq < 0) {
                ns.add(tok);
                vs.add(arch == null ? HeaderValues.common(tok) : HeaderValues.of(arch, tok));
                continue;
            }
            ns.add(tok.substring(0, eq));
            vs.add(parseNumber(tok.substring(eq + 1)));
        }
        long[] v = new long[vs.size()];
        for (int i = 0; i < v.length; i++) v[i] = vs.get(i);
        return new ConstTable(v, ns.toArray(new String[0]), flags, hexRaw, unknown);
    }

    /** Parses C literal syntax: {@code 0x1f}, {@code 0755}, {@code 12}, {@code -100}. */
    static long parseNumber(String s) {
        boolean neg = s.startsWith("-");
        if (neg) s = s.substring(1);
        long v;
        if (s.startsWith("0x") || s.startsWith("0X")) v = Long.parseUnsignedLong(s.substring(2), 16);
        else if (s.length() > 1 && s.startsWith("0")) v = Long.parseLong(s.substring(1), 8);
        else v = Long.parseLong(s);
        return neg ? -v : v;
    }

    /**
     * {@return the name of exactly {@code v}, or null}
     *
     * @param v the value
     */
    public String name(long v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) return names[i];
        }
        return null;
    }

    /**
     * {@code v} as a structured value: the names that apply in print order and
     * the bits left over; the strace renderer applies {@code -X} to it.
     *
     * @param v the value
     * @return the structured value
     */
    public Value.Sym sym(long v) {
        Value.Radix radix = hexRaw ? Value.Radix.HEX : Value.Radix.DEC;
        if (!flags || v == 0) {
            String n = name(v);
            if (n != null) return new Value.Sym(v, radix, List.of(n), 0, null);
            return new Value.Sym(v, radix, List.of(), 0, flags ? null : unknownComment);
        }
        List<String> found = new ArrayList<>(4);
        long rest = v;
        for (int i = 0; i < values.length; i++) {
            long f = values[i];
            if (f != 0 && (rest & f) == f) {
                found.add(names[i]);
                rest &= ~f;
            }
        }
        if (found.isEmpty()) return new Value.Sym(v, radix, List.of(), v, unknownComment);
        return new Value.Sym(v, radix, found, rest, null);
    }

    /**
     * Renders {@code v} under {@code style}.
     *
     * @param v the value
     * @param style the style
     * @return the rendering
     */
    public String render(long v, DecodeOptions.Xlat style) {
        StringBuilder sb = new StringBuilder(24);
        render(sb, v, style);
        return sb.toString();
    }

    /**
     * Appends the rendering of {@code v} under {@code style}.
     *
     * @param out where to write
     * @param v the value
     * @param style the style
     */
    public void render(StringBuilder out, long v, DecodeOptions.Xlat style) {
        switch (style) {
            case RAW -> appendRaw(out, v);
            case ABBREV -> {
                if (!appendNames(out, v)) {
                    appendRaw(out, v);
                    if (v != 0 || !flags) out.append(" /* ").append(unknownComment).append(" */");
                }
            }
            case VERBOSE -> {
                appendRaw(out, v);
                int mark = out.length();
                out.append(" /* ");
                if (!appendNames(out, v)) {
                    if (v == 0 && flags) {
                        out.setLength(mark);
                        return;
                    }
                    out.setLength(mark + 4);
                    out.append(unknownComment);
                }
                out.append(" */");
            }
        }
    }

    private void appendRaw(StringBuilder out, long v) {
        if (hexRaw) {
            if (v == 0) out.append('0');
            else out.append("0x").append(Long.toHexString(v));
        } else {
            out.append(v);
        }
    }

    /** Appends names for {@code v}; false (nothing appended) when no name applies at all. */
    private boolean appendNames(StringBuilder out, long v) {
        if (!flags) {
            String n = name(v);
            if (n == null) return false;
            out.append(n);
            return true;
        }
        if (v == 0) {
            String n = name(0);
            if (n == null) return false;
            out.append(n);
            return true;
        }
        int start = out.length();
        long rest = v;
        for (int i = 0; i < values.length; i++) {
            long f = values[i];
            if (f != 0 && (rest & f) == f) {
                if (out.length() > start) out.append('|');
                out.append(names[i]);
                rest &= ~f;
            }
        }
        if (out.length() == start) return false;
        if (rest != 0) out.append("|0x").append(Long.toHexString(rest));
        return true;
    }

    /**
     * Parses an abbreviated rendering back to its value ({@code A|B|0x40}, a name, a number);
     * used by the round-trip tests.
     *
     * @param text the text
     * @return the value
     */
    public long parse(String text) {
        int c = text.indexOf(" /* ");
        if (c >= 0) text = text.substring(0, c);
        long v = 0;
        for (String part : text.split("\\|")) {
            String n = part.trim();
            long found = Long.MIN_VALUE;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(n)) {
                    found = values[i];
                    break;
                }
            }
            v |= found != Long.MIN_VALUE ? found : parseNumber(n);
        }
        return v;
    }

    /** {@return every declared value (for tests)} */
    public long[] values() {
        return values.clone();
    }
}

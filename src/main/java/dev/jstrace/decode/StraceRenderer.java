package dev.jstrace.decode;

import java.util.List;

/**
 * strace's text for a {@link Value}: the one place that applies {@code -s}
 * (string bytes and array elements), {@code -x}/{@code -xx} (string escaping),
 * {@code -X} (named constants, {@code AT_FDCWD}) and {@code -y} (a descriptor's
 * captured path). Every kind of the sealed value type has its branch
 * (an instanceof chain, cheaper to start than a pattern switch); a new kind
 * without one fails {@code ValueKindsRenderTest}.
 */
public final class StraceRenderer {
    /** Rendering with strace's defaults. */
    public static final StraceRenderer DEFAULT = new StraceRenderer(DecodeOptions.defaults());

    private final int stringLimit;
    private final boolean verbose;
    private final int hex;
    private final DecodeOptions.Xlat xlat;
    private final boolean fdPaths;

    /**
     * A renderer applying {@code options}' {@code -s}, {@code -v}, {@code -x} and {@code -X}.
     *
     * @param options the options
     */
    public StraceRenderer(DecodeOptions options) {
        this.stringLimit = options.stringLimit();
        this.verbose = options.verbose();
        this.hex = options.hex();
        this.xlat = options.xlat();
        this.fdPaths = options.fdPaths() > 0;
    }

    /**
     * {@return the rendering of {@code v} as a new string}
     *
     * @param v the value
     */
    public String render(Value v) {
        // The commonest values (counts, fds without -y, sizes) need no builder: a builder and its
        // array were a third of what decoding a call allocated.
        if (v instanceof Value.Num n && n.radix() == Value.Radix.DEC) return Long.toString(n.value());
        if (v instanceof Value.Fd f && f.name() == null && (!fdPaths || f.path() == null)) {
            return String.valueOf(f.fd());
        }
        StringBuilder sb = new StringBuilder(32);
        append(sb, v);
        return sb.toString();
    }

    /**
     * Appends the rendering of {@code v}.
     *
     * @param out where to write
     * @param v the value
     */
    public void append(StringBuilder out, Value v) {
        // An instanceof chain, not a pattern switch: a switch on a sealed type bootstraps through
        // SwitchBootstraps at its first run (ms of every jstrace start; the AOT cache does not keep it).
        if (v instanceof Value.Num n) {
            number(out, n.value(), n.radix());
        } else if (v instanceof Value.Ptr p) {
            if (p.address() == 0) out.append("NULL");
            else out.append("0x").append(Long.toHexString(p.address()));
        } else if (v instanceof Value.Sym s) {
            sym(out, s);
        } else if (v instanceof Value.Str s) {
            str(out, s);
        } else if (v instanceof Value.Fd f) {
            fd(out, f);
        } else if (v instanceof Value.Struct s) {
            out.append('{');
            List<Value.Field> fields = s.fields();
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) out.append(", ");
                Value.Field f = fields.get(i);
                if (f.name() != null) out.append(f.name()).append('=');
                append(out, f.value());
            }
            if (s.more()) out.append(fields.isEmpty() ? "..." : ", ...");
            out.append('}');
        } else if (v instanceof Value.Unreadable u) {
            out.append("0x").append(Long.toHexString(u.address()));
        } else if (v instanceof Value.Strings s) {
            strings(out, s);
        } else if (v instanceof Value.Named n) {
            append(out.append(n.name()).append('='), n.value());
        } else if (v instanceof Value.Array a) {
            list(out, a.items(), a.items().size(), a.more());
        } else if (v instanceof Value.Commented c) {
            append(out, c.value());
            out.append(" /* ").append(c.comment()).append(" */");
        } else if (v instanceof Value.Text t) {
            out.append(t.text());
        } else {
            throw new IllegalArgumentException("a Value the renderer does not know: " + v);
        }
    }

    private static void number(StringBuilder out, long value, Value.Radix radix) {
        switch (radix) {
            case DEC -> out.append(value);
            case UDEC -> out.append(Long.toUnsignedString(value));
            case HEX -> {
                if (value == 0) out.append('0');
                else out.append("0x").append(Long.toHexString(value));
            }
            case OCT -> {
                // strace's "%#03o": 0 -> 000, 022 -> 022, 0644 -> 0644
                String o = value == 0 ? "0" : "0" + Long.toOctalString(value);
                for (int i = o.length(); i < 3; i++) out.append('0');
                out.append(o);
            }
        }
    }

    /** strace's xlat styles: abbrev prints the names, raw the number, verbose the number and the names. */
    private void sym(StringBuilder out, Value.Sym s) {
        boolean named = !s.names().isEmpty();
        switch (xlat) {
            case RAW -> number(out, s.raw(), s.radix());
            case ABBREV -> {
                if (named) {
                    names(out, s);
                } else {
                    number(out, s.raw(), s.radix());
                    if (s.unknown() != null) out.append(" /* ").append(s.unknown()).append(" */");
                }
            }
            case VERBOSE -> {
                number(out, s.raw(), s.radix());
                if (named) {
                    out.append(" /* ");
                    names(out, s);
                    out.append(" */");
                } else if (s.unknown() != null) {
                    out.append(" /* ").append(s.unknown()).append(" */");
                }
            }
        }
    }

    private static void names(StringBuilder out, Value.Sym s) {
        List<String> names = s.names();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) out.append('|');
            out.append(names.get(i));
        }
        if (s.rest() != 0) out.append("|0x").append(Long.toHexString(s.rest()));
    }

    private void str(StringBuilder out, Value.Str s) {
        byte[] b = s.bytes();
        boolean limited = s.kind() != Value.Str.Kind.WHOLE;
        int shown = limited ? Math.min(b.length, Math.max(stringLimit, 0)) : b.length;
        boolean ellipsis = shown < b.length || s.cut();
        StringQuoter.quote(out, b, shown, ellipsis, s.kind() == Value.Str.Kind.HEX ? 2 : hex);
    }

    private void strings(StringBuilder out, Value.Strings s) {
        int n = s.items().size();
        if (s.environment() && !verbose) {
            out.append("0x").append(Long.toHexString(s.address()));
            out.append(" /* ").append(n).append(n == 1 ? " var" : " vars");
            out.append(s.unreadableAt() != 0 ? ", unterminated */" : " */");
            return;
        }
        // strace abbreviates arrays to -s elements; -v (no abbreviation) prints every one.
        int shown = verbose ? n : Math.min(n, Math.max(stringLimit, 0));
        if (s.unreadableAt() != 0 && shown == n) {
            // printargv: the pointer that could not be read ends the list as "... /* its address */".
            list(out, s.items(), shown, false);
            out.setLength(out.length() - 1);
            out.append(", ... /* 0x").append(Long.toHexString(s.unreadableAt())).append(" */]");
            return;
        }
        list(out, s.items(), shown, shown < n);
    }

    private void list(StringBuilder out, List<Value> items, int shown, boolean more) {
        out.append('[');
        for (int i = 0; i < shown; i++) {
            if (i > 0) out.append(", ");
            append(out, items.get(i));
        }
        if (more) out.append(shown == 0 ? "..." : ", ...");
        out.append(']');
    }

    private void fd(StringBuilder out, Value.Fd f) {
        if (f.name() == null) {
            out.append(f.fd());
        } else {
            switch (xlat) {
                case RAW -> out.append(f.fd());
                case ABBREV -> out.append(f.name());
                case VERBOSE -> out.append(f.fd()).append(" /* ").append(f.name()).append(" */");
            }
        }
        if (fdPaths && f.path() != null) {
            out.append('<');
            StringQuoter.quoteFdPath(out, f.path().getBytes(java.nio.charset.StandardCharsets.UTF_8), hex);
            if (f.device() != null) out.append('<').append(f.device()).append('>');
            out.append('>');
            // strace's print_quoted_string_in_angle_brackets: an unlinked file's mark follows the brackets.
            if (f.deleted() && f.device() == null) out.append("(deleted)");
        }
    }
}

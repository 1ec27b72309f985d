package dev.jstrace.decode;

import java.util.List;

/**
 * A decoded syscall argument or result: structured, so that every sink can
 * render it its own way; {@link #text()} is strace's rendering. The type is
 * sealed so a sink's {@code switch} over it is checked for exhaustiveness.
 */
public sealed interface Value {
    /** The value as strace renders it. */
    default String text() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    /** Appends strace's rendering (avoids intermediate strings when a whole line is built). */
    void appendTo(StringBuilder out);

    /** How a plain number prints. */
    enum Radix { DEC, UDEC, HEX, OCT }

    /** A plain number. */
    record Num(long value, Radix radix) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
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
    }

    /** A pointer that was not followed: {@code NULL} or {@code 0x7ffd...}. */
    record Ptr(long address) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            if (address == 0) out.append("NULL");
            else out.append("0x").append(Long.toHexString(address));
        }
    }

    /** A pointer whose target could not be read (strace prints the address). */
    record Unreadable(long address) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            out.append("0x").append(Long.toHexString(address));
        }
    }

    /**
     * A named constant or a set of flags.
     *
     * @param raw  the numeric value
     * @param text the rendering under the chosen {@code -X} style ({@code O_RDONLY|O_CLOEXEC})
     */
    record Sym(long raw, String text) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            out.append(text);
        }
    }

    /**
     * A string or buffer.
     *
     * @param data     the bytes shown (already cut to the limit)
     * @param ellipsis whether strace appends {@code ...} (more data than shown)
     * @param hex      0 plain, 1 {@code -x}, 2 all hex
     */
    record Str(byte[] data, boolean ellipsis, int hex) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            StringQuoter.quote(out, data, data.length, ellipsis, hex);
        }
    }

    /**
     * A file descriptor, with its path under {@code -y}.
     *
     * @param fd   the number
     * @param name a symbolic name ({@code AT_FDCWD}) or null
     * @param path the path behind it, or null
     */
    record Fd(int fd, String name, String path) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            if (name != null) out.append(name);
            else out.append(fd);
            if (path != null) out.append('<').append(path).append('>');
        }
    }

    /** One field of a {@link Struct}. */
    record Field(String name, Value value) {}

    /**
     * A structure, {@code {a=1, b=2, ...}}.
     *
     * @param more whether fields were left out ({@code ...}, unless {@code -v})
     */
    record Struct(List<Field> fields, boolean more) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) out.append(", ");
                Field f = fields.get(i);
                if (f.name() != null) out.append(f.name()).append('=');
                f.value().appendTo(out);
            }
            if (more) out.append(fields.isEmpty() ? "..." : ", ...");
            out.append('}');
        }
    }

    /**
     * An array, {@code [a, b, ...]}.
     *
     * @param more whether elements were left out
     */
    record Array(List<Value> items, boolean more) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(", ");
                items.get(i).appendTo(out);
            }
            if (more) out.append(items.isEmpty() ? "..." : ", ...");
            out.append(']');
        }
    }

    /** A value followed by a comment: {@code 0x7ffd /* 23 vars * /}. */
    record Commented(Value value, String comment) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            value.appendTo(out);
            out.append(" /* ").append(comment).append(" */");
        }
    }

    /**
     * A rendering with no finer structure worth keeping: signal sets ({@code ~[RTMIN RT_1]}),
     * wait statuses, {@code makedev(0x1, 0x3)}.
     */
    record Text(String text) implements Value {
        @Override
        public void appendTo(StringBuilder out) {
            out.append(text);
        }
    }
}

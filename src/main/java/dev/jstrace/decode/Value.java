package dev.jstrace.decode;

import java.util.Arrays;
import java.util.List;

/**
 * A decoded syscall argument or result: structured data, the contract between
 * the decoder and every sink. Numbers are numbers, strings are the captured
 * bytes (never cut to {@code -s}), flag sets are names plus a remainder. Only
 * {@link StraceRenderer} turns values into strace text and applies
 * {@code -s}, {@code -x}/{@code -xx} and {@code -X}; {@link #text()} is that
 * rendering under strace's defaults. The type is sealed so a sink's
 * {@code switch} over it is checked for exhaustiveness.
 */
public sealed interface Value {
    /**
     * {@return the value as strace renders it with its default options ({@code -s 32}, no {@code -x}, {@code -X abbrev})}
     */
    default String text() {
        return StraceRenderer.DEFAULT.render(this);
    }

    /**
     * Appends the default strace rendering.
     *
     * @param out where to write
     */
    default void appendTo(StringBuilder out) {
        StraceRenderer.DEFAULT.append(out, this);
    }

    /** How a plain number prints. */
    enum Radix {
        /** Signed decimal. */
        DEC,
        /** Unsigned decimal. */
        UDEC,
        /** Hexadecimal, {@code 0x}-prefixed. */
        HEX,
        /** Octal, {@code 0}-prefixed. */
        OCT
    }

    /**
     * A plain number.
     *
     * @param value the value
     * @param radix the radix
     */
    record Num(long value, Radix radix) implements Value {}

    /**
     * A pointer that was not followed: {@code NULL} or {@code 0x7ffd...}.
     *
     * @param address the address
     */
    record Ptr(long address) implements Value {}

    /**
     * A pointer whose target could not be read (strace prints the address).
     *
     * @param address the address
     */
    record Unreadable(long address) implements Value {}

    /**
     * A named constant or a set of flags: the number, the names that apply (in
     * strace's print order) and the bits no name covers. Under {@code -X abbrev}
     * strace prints {@code A|B|0x40}, under {@code raw} the number in
     * {@link #radix}, under {@code verbose} both.
     *
     * @param raw     the numeric value
     * @param radix   how the number prints ({@link Radix#HEX} for flag sets and ioctl requests)
     * @param names   the names that apply, in print order; empty when none does
     * @param rest    bits of {@code raw} no name covers (printed as {@code |0x40} after the names)
     * @param unknown the comment strace adds when no name applies ({@code O_???}), or null for none
     */
    record Sym(long raw, Radix radix, List<String> names, long rest, String unknown) implements Value {
        /** Copies the names. */
        public Sym {
            names = List.copyOf(names);
        }

        /**
         * {@return one name for one number, printed in decimal when raw}
         *
         * @param raw whether raw
         * @param name the name
         */
        public static Sym of(long raw, String name) {
            return new Sym(raw, Radix.DEC, List.of(name), 0, null);
        }

        /**
         * {@return whether {@code name} is among the names ({@code O_CLOEXEC} in open's flags)}
         *
         * @param name the name
         */
        public boolean has(String name) {
            return names.contains(name);
        }
    }

    /**
     * A string or buffer as captured: the bytes are never cut to {@code -s}
     * (the strace renderer does that), so a sink sees everything the tracer
     * copied.
     *
     * @param bytes  the captured bytes (for C strings, without the NUL)
     * @param length the real length in bytes when known (a buffer's count, a terminated
     *               string's length), else -1
     * @param cut    whether the capture itself stopped before the end (no NUL within the read
     *               limit, or fewer bytes copied than {@code length})
     * @param kind   which rendering rules apply
     * @param address where in the tracee the bytes were read (a buffer's, for {@code -e write=} dumps), 0 when
     *                not recorded; not part of equality
     */
    record Str(byte[] bytes, long length, boolean cut, Kind kind, long address) implements Value {
        /**
         * A string whose address is not recorded.
         *
         * @param bytes  the captured bytes
         * @param length the real length, or -1
         * @param cut    whether the capture stopped before the end
         * @param kind   which rendering rules apply
         */
        public Str(byte[] bytes, long length, boolean cut, Kind kind) {
            this(bytes, length, cut, kind, 0);
        }

        /**
         * {@return this string, read at {@code where}}
         *
         * @param where the tracee address
         */
        public Str at(long where) {
            return new Str(bytes, length, cut, kind, where);
        }

        /** Which of strace's rules a string is printed under. */
        public enum Kind {
            /** A C string: {@code -s} applies. */
            STRING,
            /** A path or a fixed-size name (sun_path, d_name, utsname): printed whole, {@code -s} does not apply. */
            WHOLE,
            /** A buffer of known length: {@code -s} applies. */
            BUFFER,
            /** A buffer always printed in hex (getrandom's): {@code -s} applies. */
            HEX
        }

        /**
         * {@return a C string read up to its NUL or a limit}
         *
         * @param bytes the bytes
         * @param terminated the terminated
         */
        public static Str string(byte[] bytes, boolean terminated) {
            return new Str(bytes, terminated ? bytes.length : -1, !terminated, Kind.STRING);
        }

        /**
         * {@return a path or name printed whole; {@code cut} when its end was not found}
         *
         * @param bytes the bytes
         * @param cut where the string was cut
         */
        public static Str whole(byte[] bytes, boolean cut) {
            return new Str(bytes, cut ? -1 : bytes.length, cut, Kind.WHOLE);
        }

        /**
         * {@return {@code bytes} of a buffer of {@code length} bytes (the first bytes when fewer were copied)}
         *
         * @param bytes the bytes
         * @param length the length
         * @param hex the -x level (0 none, 1 non-printable, 2 all)
         */
        public static Str buffer(byte[] bytes, long length, boolean hex) {
            return new Str(bytes, length, Long.compareUnsigned(length, bytes.length) > 0, hex ? Kind.HEX : Kind.BUFFER);
        }

        /** {@return the bytes as text (UTF-8, malformed bytes replaced); for sinks that show strings, not strace} */
        public String string() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * {@return whether the captured bytes are exactly {@code other}}
         *
         * @param other the other
         */
        public boolean bytesEqual(byte[] other) {
            return Arrays.equals(bytes, other);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str s && length == s.length && cut == s.cut && kind == s.kind
                    && Arrays.equals(bytes, s.bytes);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(bytes) * 31 + Long.hashCode(length)) * 31 + kind.hashCode() * 2 + (cut ? 1 : 0);
        }

        /** {@code Str[BUFFER "hello\n" length=6]}: the bytes quoted in full, whatever their length. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Str[").append(kind).append(' ');
            StringQuoter.quote(b, bytes, bytes.length, cut, 0);
            return b.append(" length=").append(length).append(']').toString();
        }
    }

    /**
     * execve's argv or envp: every pointer up to the NULL (bounded), each string as
     * captured. strace shows at most {@code -s} elements, and envp as a count
     * ({@code 0x7ffd... /* 23 vars * /}) unless {@code -v}; that is the renderer's
     * business, so a sink can name a process from its whole argv.
     *
     * @param address     where the array is
     * @param items       the strings ({@link Str}, or {@link Unreadable} for one that could not be read)
     * @param complete    whether the array's NULL was reached
     * @param environment envp rather than argv
     * @param unreadableAt where the array ran into memory that could not be read before its NULL
     *                     (strace: {@code ..., ... /* 0x7f... * /]}, {@code /* 5 vars, unterminated * /}), else 0
     */
    record Strings(long address, List<Value> items, boolean complete, boolean environment, long unreadableAt)
            implements Value {
        /** Copies the items. */
        public Strings {
            items = List.copyOf(items);
        }

        /**
         * An array whose end was reached or not, not cut by unreadable memory.
         *
         * @param address     where the array is
         * @param items       the strings
         * @param complete    whether the array's NULL was reached
         * @param environment envp rather than argv
         */
        public Strings(long address, List<Value> items, boolean complete, boolean environment) {
            this(address, items, complete, environment, 0);
        }
    }

    /**
     * A file descriptor, with its path under {@code -y}.
     *
     * @param fd     the number
     * @param name   a symbolic name ({@code AT_FDCWD}) or null
     * @param path   the path behind it ({@code /etc/passwd}, {@code pipe:[123]}), or null when not captured
     * @param device under {@code -yy}, the device it is ({@code char 1:3}), else null
     * @param deleted  whether the file was unlinked (strace prints {@code 5</dir/file>(deleted)})
     */
    record Fd(int fd, String name, String path, String device, boolean deleted) implements Value {
        /**
         * An fd whose file was not unlinked.
         *
         * @param fd     the number
         * @param name   a symbolic name or null
         * @param path   the path behind it, or null
         * @param device the device under {@code -yy}, or null
         */
        public Fd(int fd, String name, String path, String device) {
            this(fd, name, path, device, false);
        }
    }

    /**
     * An argument strace prints with its name, {@code flags=CLONE_VM|...} (clone's).
     *
     * @param name the name
     * @param value the value
     */
    record Named(String name, Value value) implements Value {}

    /**
     * One field of a {@link Struct}.
     *
     * @param name the name
     * @param value the value
     */
    record Field(String name, Value value) {}

    /**
     * A structure, {@code {a=1, b=2, ...}}.
     *
     * @param more whether fields were left out ({@code ...}, unless {@code -v})
     * @param fields the fields
     */
    record Struct(List<Field> fields, boolean more) implements Value {}

    /**
     * An array, {@code [a, b, ...]}.
     *
     * @param more whether elements were left out
     * @param items the items
     */
    record Array(List<Value> items, boolean more) implements Value {}

    /**
     * A value followed by a comment: {@code 0x7ffd /* 23 vars * /}.
     *
     * @param value the value
     * @param comment the comment
     */
    record Commented(Value value, String comment) implements Value {}

    /**
     * A rendering with no finer structure worth keeping: signal sets ({@code ~[RTMIN RT_1]}),
     * wait statuses, {@code makedev(0x1, 0x3)}.
     *
     * @param text the text
     */
    record Text(String text) implements Value {}
}

package dev.jstrace.sink;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jstrace.decode.StringQuoter;
import dev.jstrace.decode.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a decoded {@link Value} as a typed TEF (JSON) argument, from the value
 * alone: the trace's {@code -s}, {@code -x}/{@code -xx} and {@code -X} never
 * change it (they shape only the {@code strace} text beside it). Integers are
 * JSON numbers; addresses and hex words are {@code "0x…"} strings (a 64-bit
 * address does not fit a JavaScript number, and reads as an address); a flag set
 * or named constant is its names ({@code "O_RDONLY|O_CLOEXEC"}, the bits no
 * name covers as {@code |0x…}; the number in hex when no name applies); a
 * string is its text, whole up to {@link #MAX_STRING_BYTES}; a descriptor with
 * a path is {@code {"fd":3,"path":"/etc/passwd"}}; structures are objects and
 * arrays are arrays.
 */
final class TefValues {
    private TefValues() {}

    /** Longest string or buffer written; the {@code strace} text carries the {@code -s}-cut form. */
    static final int MAX_STRING_BYTES = dev.jstrace.decode.DecodeOptions.TIMELINE_STRING_BYTES;
    /** JSON readers in JavaScript hold integers exactly up to 2^53. */
    private static final long MAX_SAFE = (1L << 53) - 1;

    /** Writes {@code v} as one JSON value. */
    static void write(JsonGenerator g, Value v) throws IOException {
        // The leaves of nearly every call first, without the type switch's indy dispatch: this runs
        // for each argument of each event (ConsumerBench.tefEvent).
        if (v instanceof Value.Num n) {
            number(g, n);
            return;
        }
        if (v instanceof Value.Fd fd) {
            fd(g, fd);
            return;
        }
        if (v instanceof Value.Str s) {
            string(g, s);
            return;
        }
        switch (v) {
            case Value.Num n -> number(g, n);
            case Value.Ptr p -> pointer(g, p.address());
            case Value.Unreadable u -> pointer(g, u.address());
            case Value.Sym s -> g.writeString(names(s));
            case Value.Str s -> string(g, s);
            case Value.Strings a -> list(g, a.items());
            case Value.Array a -> list(g, a.items());
            case Value.Fd fd -> fd(g, fd);
            case Value.Named named -> write(g, named.value()); // the position says which argument
            case Value.Commented c -> write(g, c.value());
            case Value.Struct s -> {
                g.writeStartObject();
                List<Value.Field> fields = s.fields();
                for (int i = 0; i < fields.size(); i++) {
                    String name = fields.get(i).name();
                    g.writeFieldName(name != null ? name : "[" + i + "]");
                    write(g, fields.get(i).value());
                }
                g.writeEndObject();
            }
            case Value.Text t -> g.writeString(t.text());
        }
    }

    private static void number(JsonGenerator g, Value.Num n) throws IOException {
        long v = n.value();
        switch (n.radix()) {
            case DEC -> {
                if (v >= -MAX_SAFE && v <= MAX_SAFE) g.writeNumber(v);
                else g.writeString(Long.toString(v));
            }
            case UDEC -> {
                if (v >= 0 && v <= MAX_SAFE) g.writeNumber(v);
                else g.writeString(Long.toUnsignedString(v));
            }
            case HEX -> pointer(g, v);
            case OCT -> g.writeString(v == 0 ? "0" : "0" + Long.toOctalString(v)); // a mode reads as 0644
        }
    }

    private static void pointer(JsonGenerator g, long address) throws IOException {
        g.writeString(address == 0 ? "0x0" : "0x" + Long.toHexString(address));
    }

    private static void fd(JsonGenerator g, Value.Fd fd) throws IOException {
        if (fd.path() == null && fd.device() == null) {
            if (fd.name() != null) g.writeString(fd.name()); // AT_FDCWD
            else g.writeNumber(fd.fd());
            return;
        }
        g.writeStartObject();
        g.writeNumberField("fd", fd.fd());
        if (fd.name() != null) g.writeStringField("name", fd.name());
        if (fd.path() != null) g.writeStringField("path", fd.path());
        if (fd.device() != null) g.writeStringField("device", fd.device());
        g.writeEndObject();
    }

    private static void list(JsonGenerator g, List<Value> items) throws IOException {
        g.writeStartArray();
        for (Value item : items) write(g, item);
        g.writeEndArray();
    }

    /** {@code A|B|0x40} from the names themselves (never {@code -X}); the hex number when none applies. */
    static String names(Value.Sym s) {
        List<String> names = s.names();
        if (names.isEmpty()) return s.raw() == 0 ? "0" : "0x" + Long.toHexString(s.raw());
        if (names.size() == 1 && s.rest() == 0) return names.getFirst();
        StringBuilder b = new StringBuilder(32);
        for (String n : names) {
            if (!b.isEmpty()) b.append('|');
            b.append(n);
        }
        if (s.rest() != 0) b.append("|0x").append(Long.toHexString(s.rest()));
        return b.toString();
    }

    /** Writes {@link #text} of {@code s}; text bytes go to Jackson as they are (no String, no copy). */
    private static void string(JsonGenerator g, Value.Str s) throws IOException {
        byte[] data = s.bytes();
        int n = Math.min(data.length, MAX_STRING_BYTES);
        if (s.kind() == Value.Str.Kind.HEX || !isText(data, n)) {
            g.writeString(text(s));
        } else if (s.cut() || n < data.length) {
            byte[] withDots = java.util.Arrays.copyOf(data, n + 3);
            withDots[n] = withDots[n + 1] = withDots[n + 2] = '.';
            g.writeUTF8String(withDots, 0, n + 3);
        } else {
            g.writeUTF8String(data, 0, n);
        }
    }

    /**
     * A string as the program passed it: its UTF-8 text when the bytes are text
     * (no control characters but tab and newline), else strace's escaped form of
     * all of them (binary must not become mojibake); {@code ...} when the capture
     * or this limit cut it.
     */
    static String text(Value.Str s) {
        byte[] data = s.bytes();
        int n = Math.min(data.length, MAX_STRING_BYTES);
        boolean more = s.cut() || n < data.length;
        if (s.kind() != Value.Str.Kind.HEX && isText(data, n)) {
            String t = new String(data, 0, n, StandardCharsets.UTF_8);
            return more ? t + "..." : t;
        }
        StringBuilder b = new StringBuilder(n * 2 + 8);
        StringQuoter.quote(b, data, n, more, s.kind() == Value.Str.Kind.HEX ? 2 : 0);
        return b.toString();
    }

    private static boolean isText(byte[] data, int n) {
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            int c = data[i] & 0xFF;
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
            if (c >= 0x80) ascii = false;
        }
        if (ascii) return true;
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        CoderResult r = d.decode(ByteBuffer.wrap(data, 0, n), CharBuffer.allocate(n), true);
        return !r.isError();
    }
}

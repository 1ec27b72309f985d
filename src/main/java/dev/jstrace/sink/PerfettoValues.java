package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoFields.*;

import dev.jstrace.decode.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a decoded {@link Value} as the value of a Perfetto DebugAnnotation,
 * typed: numbers as {@code int_value}/{@code uint_value}, addresses and hex
 * numbers as {@code pointer_value} (the UI shows them in hex), strings as
 * their text, a descriptor with its path and structures and arrays as nested
 * dictionaries and arrays. What has no finer type (flag sets, octal modes,
 * signal sets) is strace's text. Works from the values only, never from
 * rendered text.
 */
final class PerfettoValues {
    private PerfettoValues() {}

    /**
     * Longest string or buffer kept in an annotation; the strace annotation
     * carries the {@code -s}-cut text, this bounds what a huge read costs.
     */
    static final int MAX_STRING_BYTES = dev.jstrace.decode.DecodeOptions.TIMELINE_STRING_BYTES;

    /** Writes the value fields of a DebugAnnotation (the name is already written). */
    static void write(ProtoWriter pw, Value v) {
        switch (v) {
            case Value.Num n -> {
                switch (n.radix()) {
                    case DEC -> pw.varint(ANNOTATION_INT_VALUE, n.value());
                    case UDEC -> pw.varint(ANNOTATION_UINT_VALUE, n.value());
                    case HEX -> pw.varint(ANNOTATION_POINTER_VALUE, n.value());
                    case OCT -> pw.string(ANNOTATION_STRING_VALUE, n.text()); // a mode reads as 0644, not 420
                }
            }
            case Value.Ptr p -> pw.varint(ANNOTATION_POINTER_VALUE, p.address());
            case Value.Unreadable u -> pw.varint(ANNOTATION_POINTER_VALUE, u.address());
            case Value.Fd fd when fd.path() == null && fd.name() == null -> pw.varint(ANNOTATION_INT_VALUE, fd.fd());
            case Value.Fd fd when fd.path() == null -> pw.string(ANNOTATION_STRING_VALUE, fd.name()); // AT_FDCWD
            case Value.Named named -> write(pw, named.value()); // the annotation already says which argument
            case Value.Struct s when !s.fields().isEmpty() -> nestedField(pw, s);
            case Value.Array a when !a.items().isEmpty() -> nestedField(pw, a);
            case Value.Strings a when !a.items().isEmpty() -> nestedField(pw, a);
            case Value.Fd fd -> nestedField(pw, fd);
            case Value.Str s -> pw.string(ANNOTATION_STRING_VALUE, stringOf(s));
            case Value.Sym s -> pw.string(ANNOTATION_STRING_VALUE, s.text());
            case Value.Commented c -> pw.string(ANNOTATION_STRING_VALUE, c.text());
            case Value.Text t -> pw.string(ANNOTATION_STRING_VALUE, t.text());
            case Value.Struct s -> pw.string(ANNOTATION_STRING_VALUE, s.text());
            case Value.Array a -> pw.string(ANNOTATION_STRING_VALUE, a.text());
            case Value.Strings a -> pw.string(ANNOTATION_STRING_VALUE, a.text());
        }
    }

    private static void nestedField(ProtoWriter pw, Value v) {
        int token = pw.beginNested(ANNOTATION_NESTED_VALUE);
        nestedBody(pw, v);
        pw.endNested(token);
    }

    /** The fields of a NestedValue for {@code v}: a dict, an array, or a leaf (int, string). */
    private static void nestedBody(ProtoWriter pw, Value v) {
        switch (v) {
            case Value.Struct s when !s.fields().isEmpty() -> {
                pw.varint(NESTED_TYPE, NESTED_DICT);
                List<Value.Field> fields = s.fields();
                for (int i = 0; i < fields.size(); i++) {
                    String name = fields.get(i).name();
                    pw.string(NESTED_DICT_KEYS, name != null ? name : "[" + i + "]");
                }
                for (Value.Field f : fields) {
                    nestedChild(pw, NESTED_DICT_VALUES, f.value());
                }
            }
            case Value.Array a when !a.items().isEmpty() -> nestedList(pw, a.items());
            case Value.Strings a when !a.items().isEmpty() -> nestedList(pw, a.items());
            case Value.Named named -> nestedBody(pw, named.value());
            case Value.Fd fd -> {
                pw.varint(NESTED_TYPE, NESTED_DICT);
                pw.string(NESTED_DICT_KEYS, "fd");
                if (fd.name() != null) {
                    pw.string(NESTED_DICT_KEYS, "name");
                }
                if (fd.path() != null) {
                    pw.string(NESTED_DICT_KEYS, "path");
                }
                if (fd.device() != null) {
                    pw.string(NESTED_DICT_KEYS, "device");
                }
                int child = pw.beginNested(NESTED_DICT_VALUES);
                pw.varint(NESTED_INT_VALUE, fd.fd());
                pw.endNested(child);
                for (String s : new String[] {fd.name(), fd.path(), fd.device()}) {
                    if (s != null) {
                        leafString(pw, NESTED_DICT_VALUES, s);
                    }
                }
            }
            // NestedValue leaves have int, double, bool and string only: unsigned and hex become text.
            case Value.Num n when n.radix() == Value.Radix.DEC -> pw.varint(NESTED_INT_VALUE, n.value());
            case Value.Str s -> pw.string(NESTED_STRING_VALUE, stringOf(s));
            default -> pw.string(NESTED_STRING_VALUE, v.text());
        }
    }

    private static void nestedList(ProtoWriter pw, List<Value> items) {
        pw.varint(NESTED_TYPE, NESTED_ARRAY);
        for (Value item : items) {
            nestedChild(pw, NESTED_ARRAY_VALUES, item);
        }
    }

    private static void nestedChild(ProtoWriter pw, int field, Value v) {
        int child = pw.beginNested(field);
        nestedBody(pw, v);
        pw.endNested(child);
    }

    private static void leafString(ProtoWriter pw, int field, String s) {
        int child = pw.beginNested(field);
        pw.string(NESTED_STRING_VALUE, s);
        pw.endNested(child);
    }

    /**
     * A string argument as the program passed it: UTF-8 text when the bytes
     * are printable text, else strace's escaped rendering (a binary buffer
     * must not become mojibake); {@code ...} when more followed.
     */
    static String stringOf(Value.Str s) {
        byte[] data = s.bytes();
        if (s.kind() == Value.Str.Kind.HEX || !printable(data)) {
            return s.text();
        }
        int n = Math.min(data.length, MAX_STRING_BYTES);
        String text = new String(data, 0, n, StandardCharsets.UTF_8);
        return s.cut() || n < data.length ? text + "..." : text;
    }

    /** Whether the bytes are text: no control characters but tab and newline, valid UTF-8. */
    private static boolean printable(byte[] data) {
        for (byte b : data) {
            int c = b & 0xFF;
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data), java.nio.CharBuffer
                .allocate(data.length), true).isUnderflow();
    }
}

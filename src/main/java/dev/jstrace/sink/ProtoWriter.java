package dev.jstrace.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal protocol-buffers encoder into one reusable, growable byte buffer:
 * varints, fixed64, length-delimited strings and nested messages. No generated
 * code and no dependency, because the Perfetto sink needs only a handful of
 * wire shapes and must stay allocation-light on the hot path.
 *
 * <p>Nested messages use the reserved-length trick (as Perfetto's protozero
 * does): {@link #beginNested} writes the tag and reserves four bytes for the
 * length, {@link #endNested} patches them with a redundant (non-minimal)
 * varint. A redundant varint is valid protobuf and lets a message be written
 * front to back without knowing its size; four bytes cover 2^28 - 1 bytes.
 */
final class ProtoWriter {
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LENGTH_DELIMITED = 2;
    /** Bytes reserved for a nested message's length; caps a message at 2^28 - 1 bytes. */
    static final int RESERVED_LENGTH_BYTES = 4;
    private static final int MAX_NESTED_LENGTH = (1 << 28) - 1;

    private byte[] buf = new byte[4096];
    private int len;

    /** Forgets everything written, keeping the buffer for reuse. */
    void reset() {
        len = 0;
    }

    /** How many bytes have been written since the last reset. */
    int size() {
        return len;
    }

    /** Copies the written bytes to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    /** A copy of the written bytes (for tests). */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** A varint field (int32/int64/uint32/uint64/enum/bool); negative values take ten bytes, as protobuf says. */
    void varint(int field, long value) {
        tag(field, WIRE_VARINT);
        rawVarint(value);
    }

    /** A bool field. */
    void bool(int field, boolean value) {
        varint(field, value ? 1 : 0);
    }

    /** A fixed64 field (little-endian eight bytes). */
    void fixed64(int field, long value) {
        tag(field, WIRE_FIXED64);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (value >>> (8 * i));
        }
    }

    /** A string field, UTF-8 encoded; ASCII (every strace-rendered text) takes the copy-free path. */
    void string(int field, String s) {
        tag(field, WIRE_LENGTH_DELIMITED);
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            rawVarint(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            rawVarint(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, len, utf8.length);
            len += utf8.length;
        }
    }

    /**
     * Starts a nested message (or packed field) as field {@code field}.
     *
     * @return the token to hand to {@link #endNested}
     */
    int beginNested(int field) {
        tag(field, WIRE_LENGTH_DELIMITED);
        ensure(RESERVED_LENGTH_BYTES);
        int at = len;
        len += RESERVED_LENGTH_BYTES;
        return at;
    }

    /** Ends the nested message begun at {@code token}, patching its reserved length. */
    void endNested(int token) {
        int size = len - token - RESERVED_LENGTH_BYTES;
        if (size > MAX_NESTED_LENGTH) {
            throw new IllegalStateException("nested message too large: " + size + " bytes");
        }
        buf[token] = (byte) ((size & 0x7F) | 0x80);
        buf[token + 1] = (byte) (((size >>> 7) & 0x7F) | 0x80);
        buf[token + 2] = (byte) (((size >>> 14) & 0x7F) | 0x80);
        buf[token + 3] = (byte) ((size >>> 21) & 0x7F);
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buf[len++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[len++] = (byte) value;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}

package dev.jstrace.sink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A protobuf wire-format reader for tests, written apart from the sink's
 * writer so that it checks the encoding rather than echoing it. A
 * {@link Msg} is the flat list of a message's fields; nested messages are
 * decoded on demand.
 */
final class ProtoReader {
    private ProtoReader() {}

    /** One field as it appears on the wire. */
    record Field(int number, int wireType, long value, byte[] bytes) {
        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Msg message() {
            return Msg.parse(bytes);
        }
    }

    /** A decoded message: its fields in wire order. */
    record Msg(List<Field> fields) {
        static Msg parse(byte[] data) {
            List<Field> out = new ArrayList<>();
            int[] pos = {0};
            while (pos[0] < data.length) {
                long tag = readVarint(data, pos);
                int number = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (number == 0) {
                    throw new IllegalArgumentException("field number 0");
                }
                switch (wire) {
                    case 0 -> out.add(new Field(number, wire, readVarint(data, pos), null));
                    case 1 -> {
                        need(data, pos[0], 8);
                        long v = 0;
                        for (int i = 7; i >= 0; i--) {
                            v = (v << 8) | (data[pos[0] + i] & 0xFF);
                        }
                        pos[0] += 8;
                        out.add(new Field(number, wire, v, null));
                    }
                    case 2 -> {
                        long len = readVarint(data, pos);
                        need(data, pos[0], len);
                        byte[] b = Arrays.copyOfRange(data, pos[0], pos[0] + (int) len);
                        pos[0] += (int) len;
                        out.add(new Field(number, wire, len, b));
                    }
                    default -> throw new IllegalArgumentException("unexpected wire type " + wire);
                }
            }
            return new Msg(out);
        }

        List<Field> all(int number) {
            return fields.stream().filter(f -> f.number() == number).toList();
        }

        boolean has(int number) {
            return fields.stream().anyMatch(f -> f.number() == number);
        }

        /** The single occurrence of a field; fails when absent or repeated. */
        Field one(int number) {
            List<Field> all = all(number);
            if (all.size() != 1) {
                throw new IllegalArgumentException("field " + number + " occurs " + all.size() + " times in " + this);
            }
            return all.getFirst();
        }

        long varint(int number) {
            Field f = one(number);
            if (f.wireType() != 0) {
                throw new IllegalArgumentException("field " + number + " is not a varint");
            }
            return f.value();
        }

        String string(int number) {
            return one(number).string();
        }

        Msg message(int number) {
            return one(number).message();
        }

        List<Msg> messages(int number) {
            return all(number).stream().map(Field::message).toList();
        }
    }

    /** The top-level packets of a trace file, and whether the file ended inside one. */
    record Packets(List<byte[]> complete, boolean truncated) {}

    /** Splits a {@code Trace} into its {@code packet} fields (number 1, length-delimited), tolerating a cut tail. */
    static Packets packets(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < file.length) {
            int start = pos[0];
            try {
                long tag = readVarint(file, pos);
                if (tag != ((1 << 3) | 2)) {
                    throw new IllegalArgumentException("top-level field is not Trace.packet: tag " + tag + " at " + start);
                }
                long len = readVarint(file, pos);
                need(file, pos[0], len);
                out.add(Arrays.copyOfRange(file, pos[0], pos[0] + (int) len));
                pos[0] += (int) len;
            } catch (IndexOutOfBoundsException e) {
                return new Packets(out, true);
            }
        }
        return new Packets(out, false);
    }

    private static long readVarint(byte[] data, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= data.length) {
                throw new IndexOutOfBoundsException("varint runs past the end");
            }
            byte b = data[pos[0]++];
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    private static void need(byte[] data, int pos, long len) {
        if (len < 0 || pos + len > data.length) {
            throw new IndexOutOfBoundsException("length " + len + " runs past the end");
        }
    }
}

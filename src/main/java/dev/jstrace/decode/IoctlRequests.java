package dev.jstrace.decode;

import dev.jstrace.arch.gen.IoctlNames;
import java.util.ArrayList;
import java.util.List;

/**
 * ioctl request numbers as strace names them: the requests that encode a length
 * or an index in their number ({@code EVIOCGNAME(64)}, {@code EVIOCGBIT(EV_KEY, 96)}),
 * then every name the UAPI headers give the number ({@code A or B} when several
 * share it: {@link IoctlNames}, generated), else strace's
 * {@code _IOC(_IOC_READ|_IOC_WRITE, 0x4c, 0xed, 0x3eed)} spelling of the fields.
 */
final class IoctlRequests {
    static final int IOC_NONE = 0, IOC_WRITE = 1, IOC_READ = 2;

    private IoctlRequests() {}

    static int dir(long code) {
        return (int) (code >>> 30) & 3;
    }

    static int type(long code) {
        return (int) (code >>> 8) & 0xff;
    }

    static int nr(long code) {
        return (int) code & 0xff;
    }

    static int size(long code) {
        return (int) (code >>> 16) & 0x3fff;
    }

    /** The request as a value: under {@code -X raw} the number, under verbose the number and the name. */
    static Value.Sym request(long code, boolean verbose) {
        code &= 0xffffffffL;
        List<String> parts = new ArrayList<>(2);
        String byNumber = fromNumber(code, verbose);
        if (byNumber != null) parts.add(byNumber);
        parts.addAll(Table.names(code));
        String text = parts.isEmpty() ? ioc(code) : String.join(" or ", parts);
        return new Value.Sym(code, Value.Radix.HEX, List.of(text), 0, null);
    }

    /** {@return the number the headers give {@code name}, or -1} */
    static long code(String name) {
        return Table.code(name);
    }

    /** {@return the number the headers give {@code name}}; a family naming a request the tables lack fails to load. */
    static long required(String name) {
        long c = code(name);
        if (c < 0) throw new IllegalStateException("ioctl " + name + " is not in the generated table");
        return c;
    }

    /** strace's {@code _IOC(dir, type, nr, size)} for a number no header names. */
    static String ioc(long code) {
        int d = dir(code);
        String dirs = d == IOC_NONE ? "_IOC_NONE" : d == IOC_READ ? "_IOC_READ" : d == IOC_WRITE ? "_IOC_WRITE"
                : "_IOC_READ|_IOC_WRITE";
        return "_IOC(" + dirs + ", " + hex(type(code)) + ", " + hex(nr(code)) + ", " + hex(size(code)) + ")";
    }

    private static String hex(int v) {
        return v == 0 ? "0" : "0x" + Integer.toHexString(v);
    }

    /** The families whose number carries a length or index, decoded as strace does; null for the others. */
    private static String fromNumber(long code, boolean verbose) {
        int d = dir(code), nr = nr(code), size = size(code);
        switch (type(code)) {
            case '!':
                return code == ((long) IOC_READ << 30 | 8L << 16 | '!' << 8 | 2)
                        ? "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR" : null;
            case 'E':
                return Evdev.requestName(code, verbose);
            case 'H':
                if (d == IOC_READ) {
                    return switch (nr) {
                        case 0x04 -> "HIDIOCGRAWNAME(" + size + ")";
                        case 0x05 -> "HIDIOCGRAWPHYS(" + size + ")";
                        case 0x06 -> "HIDIOCSFEATURE(" + size + ")";
                        case 0x08 -> "HIDIOCGRAWUNIQ(" + size + ")";
                        case 0x12 -> "HIDIOCGPHYS(" + size + ")";
                        default -> null;
                    };
                }
                if (d == (IOC_READ | IOC_WRITE)) {
                    return nr == 6 ? "HIDIOCSFEATURE(" + size + ")" : nr == 7 ? "HIDIOCGFEATURE(" + size + ")" : null;
                }
                return null;
            case 'M':
                return d == IOC_WRITE ? "MIXER_WRITE(" + nr + ")" : d == IOC_READ ? "MIXER_READ(" + nr + ")" : null;
            case 'U':
                return d == IOC_READ && nr == 0x2c ? "UI_GET_SYSNAME(" + size + ")" : null;
            case 'j':
                return d == IOC_READ && nr == 0x13 ? "JSIOCGNAME(" + size + ")" : null;
            case 'k':
                return d == IOC_WRITE && nr == 0 ? "SPI_IOC_MESSAGE(" + size + ")" : null;
            default:
                return null;
        }
    }

    /** The generated table, parsed on first use: numbers ascending, names in strace's order. */
    private static final class Table {
        private static final long[] CODES;
        private static final String[] NAMES;

        static {
            List<long[]> codes = new ArrayList<>(3000);
            List<String> names = new ArrayList<>(3000);
            for (String chunk : IoctlNames.CHUNKS) {
                for (String line : chunk.split("\n")) {
                    String l = line.strip();
                    int sp = l.indexOf(' ');
                    if (sp < 0) continue;
                    codes.add(new long[] {Long.parseLong(l.substring(2, sp), 16)});
                    names.add(l.substring(sp + 1));
                }
            }
            CODES = new long[codes.size()];
            for (int i = 0; i < CODES.length; i++) CODES[i] = codes.get(i)[0];
            NAMES = names.toArray(new String[0]);
        }

        static long code(String name) {
            for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return CODES[i];
            return -1;
        }

        static List<String> names(long code) {
            int i = java.util.Arrays.binarySearch(CODES, code);
            if (i < 0) return List.of();
            while (i > 0 && CODES[i - 1] == code) i--;
            List<String> out = new ArrayList<>(2);
            for (; i < CODES.length && CODES[i] == code; i++) out.add(NAMES[i]);
            return out;
        }
    }
}

package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties: escaping against a reference model of strace's rules, flag round-trips, no decoder throws. */
@Tag("unit")
class DecodeProperties {
    /** A straightforward model of strace's string_quote, written independently of StringQuoter's loop. */
    static String model(byte[] d, int limit, long len) {
        int n = (int) Math.min(Math.min(len, limit), d.length);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < n; i++) {
            int c = d[i] & 0xff;
            String esc = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\r' -> "\\r";
                case 0x0b -> "\\v";
                case '\f' -> "\\f";
                default -> null;
            };
            if (esc != null) sb.append(esc);
            else if (c >= 0x20 && c <= 0x7e) sb.append((char) c);
            else {
                boolean nextDigit = i + 1 < n && d[i + 1] >= '0' && d[i + 1] <= '7';
                String o = Integer.toOctalString(c);
                if (nextDigit) o = "000".substring(o.length()) + o;
                sb.append('\\').append(o);
            }
        }
        sb.append('"');
        if (len > limit) sb.append("...");
        return sb.toString();
    }

    @Property
    void writeBufferQuotingMatchesModel(@ForAll @Size(max = 80) byte[] data, @ForAll @IntRange(min = 0, max = 64) int s) {
        DecodeOptions o = new DecodeOptions(s, false, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        byte[] shown = java.util.Arrays.copyOf(data, Math.min(s, data.length));
        Snapshot in = Snapshot.builder().add(new Snapshot.Region(0x1000, shown, true, true, Snapshot.Kind.BYTES)).build();
        var e = new RawEvent.SyscallEntry(1, 1, 0, Arch.X86_64, 1, new long[] {1, 0x1000, data.length, 0, 0, 0}, in);
        var x = new RawEvent.SyscallExit(1, 1, 0, data.length, false, Snapshot.EMPTY);
        DecodedCall d = new SyscallDecoder(o).decode(e, x);
        assertEquals(model(data, s, data.length), d.argTexts().get(1));
    }

    @Provide
    Arbitrary<ConstTable> tables() {
        return Arbitraries.of(Constants.MAP_FLAGS, Constants.PROT, Constants.CLONE_FLAGS, Constants.MSG_FLAGS,
                Constants.saFlags(dev.jstrace.arch.Arch.X86_64), Constants.openFlags(dev.jstrace.arch.Arch.X86_64), Constants.EPOLL_EVENTS, Constants.STATX_MASK);
    }

    @Property
    void flagsRoundTrip(@ForAll("tables") ConstTable t, @ForAll long bits) {
        long v = bits & 0xffffffffL;
        assertEquals(v, t.parse(t.render(v, DecodeOptions.Xlat.ABBREV)));
    }

    @Property
    void noDecoderThrows(@ForAll @IntRange(min = 0, max = 470) int nr, @ForAll long a0, @ForAll long a1,
                         @ForAll long a2, @ForAll long a3, @ForAll long rval, @ForAll boolean err,
                         @ForAll @Size(max = 300) byte[] mem, @ForAll boolean aarch64, @ForAll boolean verbose) {
        Arch arch = aarch64 ? Arch.AARCH64 : Arch.X86_64;
        long[] args = {a0, 0x1000, a1 & 0xffff, 0x1000, a2, a3};
        Snapshot.Builder b = Snapshot.builder();
        b.add(new Snapshot.Region(0x1000, mem, mem.length > 0, true, Snapshot.Kind.BYTES));
        b.add(new Snapshot.Region(0x1000, mem, true, false, Snapshot.Kind.STRING));
        Snapshot s = b.build();
        DecodeOptions o = new DecodeOptions(32, verbose, 0, DecodeOptions.Xlat.ABBREV, 1, Set.of());
        var e = new RawEvent.SyscallEntry(1, 1, 0, arch, nr, args, s);
        var x = new RawEvent.SyscallExit(1, 1, 0, err ? -(rval & 0x3ff) : rval & 0xffff, err, s);
        assertNotNull(new SyscallDecoder(o).decode(e, x).result());
        assertNotNull(new SyscallDecoder(o).decode(e, null).result());
    }
}

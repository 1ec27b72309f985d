package dev.jstrace.stress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.Syscall;
import dev.jstrace.arch.Arch;
import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.decode.DecodedCall;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.sink.TefSink;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decoder against random records and random memory maps: every syscall
 * number of both ABIs (and some beyond the tables), random registers, regions
 * at the argument addresses that are readable or not, complete or cut short,
 * of any kind. Never an exception, always one line, TEF always valid.
 */
class DecoderStressProperties {
    /** A random record: arch, number, registers, return, and the memory the loop would have copied. */
    record Case(Arch arch, int nr, long[] args, long rval, boolean isError, Snapshot entry, Snapshot exit,
                DecodeOptions options) {
        @Override
        public String toString() {
            return arch + " " + arch.syscallName(nr) + "(" + nr + ") " + java.util.Arrays.toString(args) + " = " + rval;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Arch> arch = Arbitraries.of(Arch.values());
        Arbitrary<Integer> nr = Arbitraries.integers().between(-1, 520);
        Arbitrary<Long> reg = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-4096, 4096),
                Arbitraries.of(0x1000L, 0x2000L, 0x3000L, 0x3ff8L, -100L /* AT_FDCWD */));
        Arbitrary<long[]> args = reg.array(long[].class).ofSize(6);
        Arbitrary<Snapshot> mem = region().list().ofMaxSize(6).map(rs -> {
            Snapshot.Builder b = Snapshot.builder();
            rs.forEach(b::add);
            return b.build();
        });
        Arbitrary<DecodeOptions> opts = Combinators.combine(Arbitraries.of(0, 1, 4, 32, 4096), Arbitraries.of(true, false),
                Arbitraries.of(0, 1, 2), Arbitraries.of(DecodeOptions.Xlat.values()), Arbitraries.of(0, 1, 2))
                .as((s, v, h, x, y) -> new DecodeOptions(s, v, h, x, y, Set.of()));
        return Combinators.combine(arch, nr, args, reg, Arbitraries.of(true, false), mem, mem, opts)
                .as((a, n, g, r, e, m1, m2, o) -> new Case(a, n, g, r, e, m1, m2, o));
    }

    private Arbitrary<Snapshot.Region> region() {
        Arbitrary<Long> addr = Arbitraries.of(0x1000L, 0x2000L, 0x3000L, 0x3ff8L, 0L, -1L);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Combinators.combine(addr, data, Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(Snapshot.Kind.values()))
                .as(Snapshot.Region::new);
    }

    private static void assertOneLine(String s, Case c) {
        assertFalse(s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0, c + ": " + s);
    }

    @Property(tries = 3000)
    void neverThrowsAndRendersOneLine(@ForAll("cases") Case c) {
        SyscallDecoder d = new SyscallDecoder(c.options());
        var en = new RawEvent.SyscallEntry(7, 7, 1_000, c.arch(), c.nr(), c.args(), c.entry());
        var ex = new RawEvent.SyscallExit(7, 7, 2_000, c.rval(), c.isError(), c.exit());
        for (DecodedCall call : new DecodedCall[] {d.decode(en, null), d.decode(en, ex)}) {
            assertTrue(call.name() != null && !call.name().isEmpty(), c.toString());
            for (String a : call.argTexts()) assertOneLine(a, c);
            assertOneLine(call.name() + "(" + String.join(", ", call.argTexts()) + ") = " + call.result(), c);
        }
    }

    @Property(tries = 300)
    void tefStaysValid(@ForAll("cases") Case c) throws Exception {
        SyscallDecoder d = new SyscallDecoder(c.options());
        var en = new RawEvent.SyscallEntry(7, 7, 1_000, c.arch(), c.nr(), c.args(), c.entry());
        var ex = new RawEvent.SyscallExit(7, 7, 2_000, c.rval(), c.isError(), c.exit());
        DecodedCall call = d.decode(en, ex);
        Syscall s = new Syscall(7, 7, call.name(), call.number(), call.args(), call.argTexts(), call.entryArgCount(),
                c.rval(), call.errno(), call.result(), 1_700_000_000_000_000_000L, 1_000, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TefSink tef = new TefSink(out);
        tef.onEvent(s);
        tef.onEnd();
        tef.close();
        Path f = Files.createTempFile("jstrace-tef", ".json");
        try {
            Files.write(f, out.toByteArray());
            assertTrue(OutputFiles.tef(f) >= 1, c.toString());
        } finally {
            Files.delete(f);
        }
    }
}

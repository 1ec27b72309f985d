package dev.jstrace.self;

import static org.junit.jupiter.api.Assertions.*;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every event kind survives the helper's pipe unchanged, and decodes to the same strace text. */
@Tag("unit")
class RawEventCodecTest {

    private static Snapshot memory() {
        return Snapshot.builder()
                .add(new Snapshot.Region(0x7ffd1000L, "/etc/passwd".getBytes(StandardCharsets.UTF_8), true, true,
                        Snapshot.Kind.STRING))
                .add(new Snapshot.Region(0x1000L, new byte[0], false, false, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(-4096L, new byte[] {0, 1, (byte) 0xff}, true, false, Snapshot.Kind.BYTES))
                .fdPath(3, "/tmp/é x")
                .fdPath(9, null)
                .build();
    }

    private static final List<RawEvent> EVENTS = List.of(
            new RawEvent.SyscallEntry(11, 10, 123L, Arch.X86_64, 257,
                    new long[] {-100, 0x7ffd1000L, 0x80000, 0, -1, Long.MIN_VALUE}, memory()),
            new RawEvent.SyscallEntry(12, 10, 124L, null, 999, new long[6], Snapshot.EMPTY),
            new RawEvent.SyscallEntry(13, 10, 125L, Arch.AARCH64, 56, new long[6], Snapshot.EMPTY),
            new RawEvent.SyscallExit(11, 10, 130L, -2, true, memory()),
            new RawEvent.SyscallExit(11, 10, 131L, Long.MAX_VALUE, false, Snapshot.EMPTY),
            new RawEvent.SyscallExit(11, 10, 132L, 0, false, Snapshot.EMPTY, 0, 12_345_000L),
            new RawEvent.Signal(11, 10, 140L, 17, new byte[128]),
            new RawEvent.Signal(11, 10, 141L, 2, null),
            new RawEvent.GroupStop(11, 10, 150L, 19),
            new RawEvent.TaskStart(14, 10, 160L, 11, RawEvent.TaskStart.How.CLONE_THREAD),
            new RawEvent.TaskStart(20, 20, 161L, 0, RawEvent.TaskStart.How.ATTACH),
            new RawEvent.Exec(10, 10, 170L, 14),
            new RawEvent.Exiting(14, 10, 175L),
            new RawEvent.Unknown(30, 30, 176L, true),
            new RawEvent.Unknown(31, 31, 177L, false),
            new RawEvent.TaskExit(14, 10, 180L, 0x0900, true),
            new RawEvent.Detached(11, 10, 190L),
            new RawEvent.End(0, 0, 200L));

    private static List<RawEvent> roundTrip(List<RawEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (RawEvent e : events) RawEventCodec.write(out, e);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        RawEvent[] back = new RawEvent[events.size()];
        for (int i = 0; i < back.length; i++) back[i] = RawEventCodec.read(in);
        assertEquals(-1, in.read(), "nothing left over");
        return List.of(back);
    }

    @Test
    void everyKindRoundTrips() throws IOException {
        List<RawEvent> back = roundTrip(EVENTS);
        for (int i = 0; i < EVENTS.size(); i++) {
            assertEquals(describe(EVENTS.get(i)), describe(back.get(i)), "event " + i);
        }
    }

    @Test
    void aDecodedCallIsTheSameAfterThePipe() throws IOException {
        SyscallDecoder d = new SyscallDecoder(DecodeOptions.defaults());
        RawEvent.SyscallEntry en = (RawEvent.SyscallEntry) EVENTS.get(0);
        RawEvent.SyscallExit ex = (RawEvent.SyscallExit) EVENTS.get(3);
        List<RawEvent> back = roundTrip(List.of(en, ex));
        var direct = d.decode(en, ex);
        var piped = d.decode((RawEvent.SyscallEntry) back.get(0), (RawEvent.SyscallExit) back.get(1));
        assertEquals(direct.argTexts(), piped.argTexts());
        assertEquals(direct.result(), piped.result());
        assertEquals("\"/etc/passwd\"", piped.argTexts().get(1));
    }

    @Test
    void startCommandRoundTrips() throws IOException {
        var start = new HelperProtocol.Start(7, 100, 101, -5L, true, Set.of("openat", "write"),
                new DecodeOptions(64, true, 2, DecodeOptions.Xlat.VERBOSE, 1, Set.of("ioctl")), Set.of(3, 4));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        start.write(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(HelperProtocol.START, in.readUnsignedByte());
        assertEquals(start, HelperProtocol.Start.read(in));
        var all = new HelperProtocol.Start(1, 1, 0, 0, false, null, DecodeOptions.defaults(), Set.of());
        bytes.reset();
        all.write(new DataOutputStream(bytes));
        in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        in.readUnsignedByte();
        assertEquals(all, HelperProtocol.Start.read(in));
    }

    /** A text with every field, arrays and snapshots by content (records compare arrays by identity). */
    private static String describe(RawEvent e) {
        String s = e.toString();
        if (e instanceof RawEvent.SyscallEntry en) {
            s += Arrays.toString(en.args()) + snapshot(en.memory());
        } else if (e instanceof RawEvent.SyscallExit ex) {
            s += snapshot(ex.memory());
        } else if (e instanceof RawEvent.Signal sig) {
            s += Arrays.toString(sig.siginfo());
        }
        return s.replaceAll("@[0-9a-f]+", "");
    }

    private static String snapshot(Snapshot m) {
        StringBuilder sb = new StringBuilder("{");
        for (Snapshot.Region r : m.regions()) {
            sb.append(r.address()).append(Arrays.toString(r.data())).append(r.readable()).append(r.complete())
                    .append(r.kind()).append(';');
        }
        for (int fd : m.fds()) sb.append(fd).append("->").append(m.fdPath(fd)).append(';');
        return sb.append('}').toString();
    }
}

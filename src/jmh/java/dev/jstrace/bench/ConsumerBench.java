package dev.jstrace.bench;

import dev.jstrace.Syscall;
import dev.jstrace.arch.Arch;
import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.decode.DecodedCall;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.sink.PerfettoSink;
import dev.jstrace.sink.TefSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The consumer side per syscall (issue #7, target 4): decoding a captured
 * {@code read(3, "hello world\n", 4096) = 12} plus its strace line, and
 * writing one event to the TEF and Perfetto sinks (into a null stream, so the
 * figure is the encoders', not the disk's). One op = one syscall / event.
 */
@State(Scope.Thread)
public class ConsumerBench {
    private SyscallDecoder decoder;
    private RawEvent.SyscallEntry entry;
    private RawEvent.SyscallExit exit;
    private Syscall call;
    private TefSink tef;
    private PerfettoSink perfetto;
    private long t;

    /** Builds the records a dd-like read would produce. */
    @Setup
    public void setUp() {
        decoder = new SyscallDecoder(DecodeOptions.defaults());
        Arch arch = Arch.X86_64;
        long buf = 0x7ffd_0000_1000L;
        entry = new RawEvent.SyscallEntry(100, 100, 1_000, arch, arch.syscallNumber("read"),
                new long[] {3, buf, 4096, 0, 0, 0}, Snapshot.EMPTY);
        byte[] data = "hello world\n".getBytes(StandardCharsets.US_ASCII);
        Snapshot mem = Snapshot.builder().add(new Snapshot.Region(buf, data, true, true, Snapshot.Kind.BYTES)).build();
        exit = new RawEvent.SyscallExit(100, 100, 2_000, data.length, false, mem);
        call = syscall(decoder.decode(entry, exit), 0);
        tef = new TefSink(OutputStream.nullOutputStream());
        perfetto = new PerfettoSink(OutputStream.nullOutputStream());
    }

    private Syscall syscall(DecodedCall d, long time) {
        return new Syscall(100, 100, d.name(), d.number(), d.args(), d.argTexts(), d.entryArgCount(), exit.rval(),
                d.errno(), d.result(), time, 1_000, true);
    }

    /** Decoding + the strace line: the text path's work per syscall. */
    @Benchmark
    public String decodeAndStraceText() {
        return syscall(decoder.decode(entry, exit), t++).straceText();
    }

    /** One complete event into the TEF JSON stream. */
    @Benchmark
    public void tefEvent() {
        tef.onEvent(syscall(call.name(), t += 2_000));
    }

    /** One complete event into the Perfetto protobuf stream. */
    @Benchmark
    public void perfettoEvent() {
        perfetto.onEvent(syscall(call.name(), t += 2_000));
    }

    private Syscall syscall(String name, long time) {
        return new Syscall(call.pid(), call.tid(), name, call.number(), call.args(), call.argTexts(),
                call.entryArgCount(), call.returnValue(), call.error(), call.result(), time, 1_000, true);
    }
}

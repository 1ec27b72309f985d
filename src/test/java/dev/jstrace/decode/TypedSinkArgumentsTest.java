package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jstrace.Syscall;
import dev.jstrace.arch.Arch;
import dev.jstrace.sink.PerfettoProcessInfo;
import dev.jstrace.sink.TefSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The TEF sink's arguments and result are typed from the decoded values, so the
 * trace's rendering options ({@code -x}, {@code -xx}, {@code -X raw|verbose},
 * {@code -s}) change its {@code strace} text and nothing else: each call below is
 * decoded under every option set, written through a real {@link TefSink}, and its
 * {@code args}/{@code result} JSON must be the same every time, and typed. The
 * capture copies {@link DecodeOptions#TIMELINE_STRING_BYTES} for a timeline sink,
 * so even {@code -s 0} leaves the read's 40 bytes whole.
 */
@Tag("unit")
class TypedSinkArgumentsTest {
    private static final long PATH = 0x7ffd_0000_1000L;
    private static final long BUF = 0x7ffd_0000_2000L;
    private static final long TEXT = 0x7ffd_0000_3000L;

    private static final List<DecodeOptions> OPTIONS = List.of(
            DecodeOptions.defaults(),
            new DecodeOptions(32, false, 1, DecodeOptions.Xlat.ABBREV, 0, Set.of()),
            new DecodeOptions(32, false, 2, DecodeOptions.Xlat.ABBREV, 0, Set.of()),
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of()),
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of()),
            new DecodeOptions(0, false, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of()),
            new DecodeOptions(4, true, 2, DecodeOptions.Xlat.RAW, 0, Set.of()));

    private static DecoderGolden memory() {
        byte[] elf = new byte[40];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        return new DecoderGolden().putString(PATH, "/tmp/caf\u00e9.txt").put(BUF, elf)
                .put(TEXT, "hello, a line longer than -s\n".getBytes(StandardCharsets.UTF_8));
    }

    /** name, registers, return value, and the args/result JSON expected under every option set. */
    private record Case(String name, long[] regs, long rval, String args, String result) {}

    private static final long O_CLOEXEC = HeaderValues.common("O_CLOEXEC");
    private static final long PROT_RW = HeaderValues.of(Arch.X86_64, "PROT_READ")
            | HeaderValues.of(Arch.X86_64, "PROT_WRITE");
    private static final long MAP_PRIVATE_ANON = HeaderValues.of(Arch.X86_64, "MAP_PRIVATE")
            | HeaderValues.of(Arch.X86_64, "MAP_ANONYMOUS");

    private static final List<Case> CASES = List.of(
            new Case("openat", new long[] {-100, PATH, O_CLOEXEC}, 3,
                    "[\"AT_FDCWD\",\"/tmp/caf\u00e9.txt\",\"O_RDONLY|O_CLOEXEC\"]", "3"),
            new Case("read", new long[] {3, BUF, 4096}, 40,
                    "[3,\"\\\"\\\\177ELF\\\\2" + "\\\\0".repeat(35) + "\\\"\",4096]", "40"),
            new Case("write", new long[] {1, TEXT, 29}, 29, "[1,\"hello, a line longer than -s\\n\",29]", "29"),
            new Case("mmap", new long[] {0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 0}, 0x7f12_3456_7000L,
                    "[\"0x0\",4096,\"PROT_READ|PROT_WRITE\",\"MAP_PRIVATE|MAP_ANONYMOUS\",-1,\"0x0\"]",
                    "\"0x7f1234567000\""),
            new Case("openat", new long[] {-100, PATH, 0}, -2, "[\"AT_FDCWD\",\"/tmp/caf\u00e9.txt\",\"O_RDONLY\"]",
                    "-1"));

    @Test
    void argumentsAndResultAreTypedAndIgnoreTheRenderingOptions() throws IOException {
        for (Case c : CASES) {
            List<String> straceTexts = new ArrayList<>();
            for (DecodeOptions plain : OPTIONS) {
                DecodeOptions o = plain.withTimelineStrings(); // as the CLI does for --tef and --perfetto
                DecodedCall d = memory().call(o, Arch.X86_64, c.name(), c.regs(), c.rval());
                Map<String, String> tef = tefArgs(d, c.rval());
                String what = c.name() + " under " + o;
                assertEquals(c.args(), tef.get("args"), what);
                assertEquals(c.result(), tef.get("result"), what);
                straceTexts.add(tef.get("strace"));
            }
            // The strace text does follow the options (else this test would prove nothing).
            assertNotEquals(straceTexts.get(0), straceTexts.get(OPTIONS.size() - 1), c.name());
        }
    }

    /** The syscall event's args object, each field as JSON text. */
    private static Map<String, String> tefArgs(DecodedCall d, long rval) throws IOException {
        Syscall s = new Syscall(1, 1, d.name(), d.number(), d.args(), d.argTexts(), d.entryArgCount(), rval,
                d.errno(), d.result(), 1_000_000, 1_000, true, null, null, d.resultValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TefSink sink = new TefSink(out, PerfettoProcessInfo.NONE)) {
            sink.onEvent(s);
        }
        JsonFactory f = new JsonFactory();
        try (JsonParser p = f.createParser(out.toByteArray())) {
            Map<String, String> last = null;
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.START_OBJECT) continue;
                Map<String, String> event = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("args") && p.currentToken() == JsonToken.START_OBJECT) {
                        Map<String, String> args = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            args.put(k, k.equals("strace") ? p.getText() : copy(f, p));
                        }
                        event = args;
                    } else {
                        p.skipChildren();
                    }
                }
                if (event.containsKey("strace") && event.get("strace").startsWith(d.name() + "(")) last = event;
            }
            return last;
        }
    }

    private static String copy(JsonFactory f, JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = f.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }
}

package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Values carry what was captured; only the renderer applies {@code -s}, {@code -x},
 * {@code -X}, {@code -v}, {@code -y}. Golden strings are strace 6.1's.
 */
@Tag("unit")
class StraceRendererTest {
    private static StraceRenderer r(int s, boolean v, int hex, DecodeOptions.Xlat x, int y) {
        return new StraceRenderer(new DecodeOptions(s, v, hex, x, y, Set.of()));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stringsKeepTheirBytesAndTheRendererCutsThem() {
        Value.Str s = Value.Str.string(b("0123456789"), true);
        assertEquals(10, s.bytes().length, "never cut to -s");
        assertEquals("\"0123\"...", r(4, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(s));
        assertEquals("\"0123456789\"", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(s));
        assertEquals("\"\"...", r(0, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(s));
        Value.Str path = Value.Str.whole(b("/etc/caf\u00e9"), false);
        assertEquals("\"/etc/caf\\303\\251\"", r(4, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(path),
                "-s does not apply to paths");
        assertEquals("\"\\x2f\\x65\\x74\\x63\\x2f\\x63\\x61\\x66\\xc3\\xa9\"",
                r(32, false, 1, DecodeOptions.Xlat.ABBREV, 0).render(path), "-x: hex when a byte is not ASCII");
        assertEquals("\"/etc\"", r(32, false, 1, DecodeOptions.Xlat.ABBREV, 0).render(Value.Str.whole(b("/etc"), false)));
        Value.Str buf = Value.Str.buffer(b("hello"), 4096, false);
        assertEquals("\"hello\"...", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(buf),
                "a buffer longer than the bytes copied");
        assertEquals("\"\\x68\\x69\"", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 0)
                .render(Value.Str.buffer(b("hi"), 2, true)), "getrandom's buffer is always hex");
    }

    @Test
    void stringsHaveValueSemantics() {
        Value.Str a = Value.Str.string(b("abc"), true);
        Value.Str same = Value.Str.string(b("abc"), true);
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, Value.Str.string(b("abc"), false), "a cut capture differs");
        assertNotEquals(a, Value.Str.whole(b("abc"), false), "so does the kind");
        assertEquals("Str[STRING \"abc\" length=3]", a.toString());
        assertEquals("abc", a.string());
    }

    @Test
    void xlatStylesApplyToStructuredConstants() {
        Value.Sym open = ArgDecoder.openFlags(dev.jstrace.arch.Arch.X86_64, 02000000);
        assertEquals(List.of("O_RDONLY", "O_CLOEXEC"), open.names());
        assertEquals("O_RDONLY|O_CLOEXEC", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(open));
        assertEquals("0x80000", r(32, false, 0, DecodeOptions.Xlat.RAW, 0).render(open));
        assertEquals("0x80000 /* O_RDONLY|O_CLOEXEC */", r(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0).render(open));
        Value.Sym unknown = Constants.SEEK.sym(77);
        // strace's printxval prints an unknown value in hex (strace -e lseek: lseek(0, 0, 0x4d /* SEEK_??? */)).
        assertEquals("0x4d /* SEEK_??? */", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(unknown));
        assertEquals("0x1 /* SEEK_CUR */", r(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0).render(Constants.SEEK.sym(1)));
        Value.Sym partly = MmapFlags.sym(0x22 | 0x100000000L);
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS|0x100000000", partly.text());
        Value.Fd cwd = new Value.Fd(-100, "AT_FDCWD", "/tmp", null);
        assertEquals("AT_FDCWD", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(cwd), "no path without -y");
        assertEquals("-100 /* AT_FDCWD */</tmp>", r(32, false, 0, DecodeOptions.Xlat.VERBOSE, 1).render(cwd));
        assertEquals("3</a\\74b\\76/caf\\303\\251<char 1:3>>", r(32, false, 0, DecodeOptions.Xlat.ABBREV, 2)
                .render(new Value.Fd(3, null, "/a<b>/caf\u00e9", "char 1:3")), "-y paths are quoted, <> escaped");
    }

    @Test
    void execArraysAreWholeAndAbbreviatedOnlyWhenRendered() {
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) items.add(Value.Str.string(b("arg" + i), true));
        Value.Strings argv = new Value.Strings(0x7ffd0000L, items, true, false);
        String shown = r(2, false, 0, DecodeOptions.Xlat.ABBREV, 0).render(argv);
        assertEquals("[\"ar\"..., \"ar\"..., ...]", shown);
        assertEquals(40, r(32, true, 0, DecodeOptions.Xlat.ABBREV, 0).render(argv).split(", ").length, "-v: all");
        Value.Strings envp = new Value.Strings(0x7ffd0100L, items.subList(0, 23), true, true);
        assertEquals("0x7ffd0100 /* 23 vars */", envp.text());
        assertEquals(23, envp.items().size(), "the variables themselves are kept");
    }

    @Test
    void errnoIsTypedWithStracesText() {
        assertEquals("-1 ENOENT (No such file or directory)", new Errno(2).straceResult());
        assertEquals("? ERESTARTSYS (To be restarted if SA_RESTART is set)", new Errno(512).straceResult());
        // 515 is not a restart code: strace prints "-1" and glibc's text (the generated table's).
        assertEquals("-1 ENOIOCTLCMD (Unknown error 515)", new Errno(515).straceResult());
        assertEquals("? ERESTART_RESTARTBLOCK (Interrupted by signal)", new Errno(516).straceResult());
    }
}

package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No decoder in {@code decode/} reads a struct field at a literal offset: every struct is a declared
 * {@code MemoryLayout} with named members (so the C probe checks it against the headers of every arch)
 * and its fields are read through {@code StructLayouts.Member}. A source scan finds the three shapes a
 * typed offset took before: a reader at a number ({@code MemoryView.u32(b, 36)},
 * {@code MemoryView.u64(b, off + 8)}, a local {@code u16(b, 2)} or {@code be32(b, 4)}), an {@code IoctlFields} printer at a number
 * ({@code IoctlFields.u32("lines", b, 356)}), and a captured byte at a number ({@code b[8] & 0xff}).
 * Offset 0 of a scalar read through a pointer ({@code [int]}) is not a struct field and is allowed.
 * Generated files ({@code DO NOT EDIT}) and {@code MemoryView} itself (the readers) are not scanned.
 */
@Tag("unit")
class LiteralStructOffsetsTest {
    private static final Path DECODE = Path.of("src/main/java/dev/jstrace/decode");
    private static final String ID = "[A-Za-z_][A-Za-z0-9_]*";
    /** A literal offset of 1 or more, alone or added to a base ({@code off + 8}). */
    private static final String LITERAL = " *(" + ID + " *\\+ *)?[1-9][0-9]* *";
    /** The shapes of a read at a literal offset. */
    static final List<Pattern> SHAPES = List.of(
            Pattern.compile("\\b(u8|u16|u16be|u32|u64|s16|s32|s64|be16|be32|be64)\\( *" + ID + "(\\.\\w+\\(\\))? *,"
                    + LITERAL + "\\)"),
            Pattern.compile("IoctlFields\\.(u32|u64|s32|s64|x32|x64|flags32|flags64|cstring)\\(\"[^\"]*\", *("
                    + ID + "(\\." + ID + ")*, *)?" + ID + "(\\(\\))?," + LITERAL + "[,)]"),
            Pattern.compile("\\b(b|in|out|p|raw)\\[" + LITERAL + "\\]"));

    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    private static final String HOW = """
            a struct field is read at a literal offset. Declare the struct once as a MemoryLayout with its C \
            members' names (java.lang.foreign.MemoryLayout.structLayout(JAVA_INT.withName("lo_number"), ...) \
            .withName("struct loop_info"), explicit paddingLayout where C pads), read its fields through \
            StructLayouts.Member.of(LAYOUT, "member") (dotted paths into nested structs, members of anonymous \
            unions by their own names; Member.u/s read at the member's width), take sizes from \
            StructLayouts.size(LAYOUT), and register the layout with its #include in the family's \
            IoctlFamily.layouts() or CallStructLayouts.everywhere() so StructLayoutsProbeTest checks it \
            against the headers of every arch (see decode/package-info.java). An array through a pointer \
            steps by its element's size (Integer.BYTES), not a typed number.""";

    /** {@return every line of decode/'s hand-written sources that reads at a literal offset, as file:line: text} */
    static List<String> offenders(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (f.getFileName().toString().equals("MemoryView.java")) continue;
                List<String> lines = Files.readAllLines(f);
                if (lines.stream().anyMatch(l -> l.contains("DO NOT EDIT"))) continue;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i), code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) continue;
                    // A string's text (a C definition the probe compiles) is not a read.
                    String bare = STRING.matcher(line).replaceAll("\"\"");
                    for (Pattern p : SHAPES) {
                        if (p.matcher(bare).find()) {
                            found.add(f.getFileName() + ":" + (i + 1) + ": " + code);
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noDecoderReadsAStructFieldAtALiteralOffset() throws IOException {
        assertTrue(Files.isDirectory(DECODE), "run from the repository root: " + DECODE.toAbsolutePath());
        List<String> found = offenders(DECODE);
        assertTrue(found.isEmpty(), found.size() + " read(s) at a literal offset in decode/: " + HOW + "\n  "
                + String.join("\n  ", found));
    }

    /** The scan finds each shape it is meant to (so an empty result above means something). */
    @Test
    void theScanFindsEachShape(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Sample.java"), """
                class Sample {
                    long a(byte[] b) { return MemoryView.u32(b, 36); }
                    long b(byte[] b, int off) { return MemoryView.u64(b, off + 8); }
                    long c(Snapshot.Region r) { return MemoryView.s32(r.data(), 12) + be32(r.data(), 4); }
                    String h = "struct s { char b[6]; };"; // a C definition in a string is not a read
                    Object d(byte[] b) { return IoctlFields.u32("lines", b, 356); }
                    Object e(byte[] b) { return IoctlFields.flags32("flags", HANDLE_FLAGS, b, 4); }
                    int f(byte[] b) { return b[8] & 0xff; }
                    // allowed: a scalar through a pointer, a member's offset, a comment's MemoryView.u32(b, 4)
                    long g(byte[] b) { return MemoryView.u32(b, 0) + MEMBER.u(b) + MemoryView.u32(b, AT.offset()); }
                }
                """);
        List<String> found = offenders(dir);
        assertEquals(6, found.size(), String.join("\n", found));
        assertFalse(found.stream().anyMatch(l -> l.contains("MEMBER.u(b)")), String.join("\n", found));
    }
}

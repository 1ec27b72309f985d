package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layout in {@link StructLayouts}, {@link CallStructLayouts} and {@link SiginfoLayouts}, termios', and every
 * {@link StructDecoder}'s layout the catalog names, against the real headers: {@code sizeof} of each struct and
 * {@code offsetof} of each named member must be what the layout says (and so
 * what the tracer copies and the decoders read). On this machine's arch a probe
 * built with cc prints them; every arch (this one too) is also checked by
 * compiling {@code _Static_assert}s with its GNU cross compiler
 * ({@code aarch64-linux-gnu-gcc}), skipped where that compiler is absent.
 */
class StructLayoutsProbeTest {
    private static final String HEADERS = "#include <time.h>\n"
            + "#include <signal.h>\n#include <poll.h>\n#include <sys/time.h>\n#include <sys/resource.h>\n"
            + "#include <sys/uio.h>\n#include <sys/socket.h>\n#include <sys/ioctl.h>\n#include <sys/times.h>\n"
            + "#include <sys/epoll.h>\n#include <dirent.h>\n#include <sys/un.h>\n#include <netinet/in.h>\n"
            + "#include <linux/netlink.h>\n";

    /** The layouts one C file checks, with the headers it includes. */
    private record Unit(String includes, List<StructLayout> layouts) {}

    /**
     * The C files for {@code arch}: one for the libc-side headers, one for each decoder that needs a
     * kernel {@code asm/} header (those redefine libc's types, {@code struct sigaction}, so they stand alone).
     */
    private static List<Unit> units(Arch arch) {
        StringBuilder libc = new StringBuilder(HEADERS);
        List<StructLayout> shared = new ArrayList<>(StructLayouts.ALL);
        shared.add(StructLayouts.epollEvent(arch));
        shared.addAll(SiginfoLayouts.ALL);
        List<Unit> units = new ArrayList<>();
        // Layouts outside the catalog's struct decoders and CallStructLayouts are listed here.
        units.add(new Unit("#include <netinet/in.h>\n#include <linux/if_packet.h>\n", SockoptValues.ALL));
        for (StructDecoder d : SignatureCatalog.structDecoders()) {
            if (d.cIncludes().contains("<asm/")) {
                units.add(new Unit(d.cIncludes(), List.of(d.layout(arch))));
            } else {
                for (String line : d.cIncludes().split("\n")) {
                    if (libc.indexOf(line + "\n") < 0) libc.append(line).append('\n');
                }
                shared.add(d.layout(arch));
            }
        }
        units.addFirst(new Unit(libc.toString(), shared));
        // The call formats' structs, each with the header (or kernel definition) of its own.
        for (CallStructLayouts.Declared d : CallStructLayouts.everywhere()) {
            units.add(new Unit(d.cIncludes(), List.of(d.layoutOn().apply(arch))));
        }
        return units;
    }

    private static Map<String, Long> expressions(List<StructLayout> layouts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (StructLayout l : layouts) {
            String type = l.name().orElseThrow(() -> new AssertionError("a layout without its C type's name"));
            m.put("sizeof(" + type + ")", l.byteSize());
            members(type, l, "", 0, m);
        }
        return m;
    }

    /**
     * The offsetof expressions of {@code g}'s named members at {@code prefix} ({@code data.start}),
     * into nested structs and unions and the first element of an array of them; an unnamed
     * struct or union is C's anonymous one, whose members C names without a prefix.
     */
    private static void members(String type, GroupLayout g, String prefix, long base, Map<String, Long> m) {
        long next = base;
        for (MemoryLayout member : g.memberLayouts()) {
            long at = next;
            if (!(g instanceof UnionLayout)) next += member.byteSize();
            if (member.name().isEmpty()) {
                if (member instanceof GroupLayout inner) members(type, inner, prefix, at, m);
                continue; // padding
            }
            String path = prefix + member.name().get();
            m.put("offsetof(" + type + ", " + path + ")", at);
            if (member instanceof GroupLayout inner) members(type, inner, path + ".", at, m);
            if (member instanceof SequenceLayout seq && seq.elementCount() > 0
                    && seq.elementLayout() instanceof GroupLayout inner) {
                members(type, inner, path + "[0].", at, m);
            }
        }
    }

    @Test
    void everyDeclaredLayoutMatchesTheHeaders(@TempDir Path dir) throws Exception {
        int checked = 0;
        for (Unit u : units(Arch.current())) {
            Map<String, Long> expected = expressions(u.layouts());
            checked += expected.size();
            Path d = Files.createTempDirectory(dir, "unit");
            dev.jstrace.CLayoutProbe.assertMatchesHeaders(d, u.includes(), expected);
        }
        assertTrue(checked > 100, "members checked: " + checked);
        System.out.println("StructLayoutsProbeTest: " + checked + " sizeof/offsetof expressions checked on "
                + Arch.current());
    }

    /** The GNU cross compiler of an arch: {@code x86_64-linux-gnu-gcc}, {@code aarch64-linux-gnu-gcc}. */
    private static final Function<Arch, String> COMPILER = a -> a.name().toLowerCase(Locale.ROOT) + "-linux-gnu-gcc";

    @TestFactory
    Stream<DynamicTest> everyArchsLayoutsMatchItsHeaders(@TempDir Path dir) {
        return Stream.of(Arch.values()).map(arch -> DynamicTest.dynamicTest(arch.name(), () -> {
            for (Unit u : units(arch)) {
                Path d = Files.createTempDirectory(dir, "unit");
                dev.jstrace.CLayoutProbe.assertCompilesTo(d, COMPILER.apply(arch), u.includes(),
                        expressions(u.layouts()));
            }
        }));
    }

    /**
     * Every {@code static final StructLayout} of this package is one the probe checks (or a struct
     * nested in one): a layout declared but left out of {@link CallStructLayouts#everywhere()} (or
     * its family's {@link IoctlFamily#layouts()}) would give offsets no header ever checked.
     */
    @Test
    void everyDeclaredLayoutIsProbed() throws Exception {
        Set<MemoryLayout> probed = new HashSet<>();
        for (Arch arch : Arch.values()) {
            for (Unit u : units(arch)) for (StructLayout l : u.layouts()) nested(l, probed);
        }
        Path classes = Path.of(StructLayouts.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/jstrace/decode");
        List<String> unchecked = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString();
                Class<?> c = Class.forName("dev.jstrace.decode." + name.substring(0, name.length() - 6));
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) || !StructLayout.class.equals(field.getType())) {
                        continue;
                    }
                    field.setAccessible(true);
                    seen++;
                    StructLayout l = (StructLayout) field.get(null);
                    if (!probed.contains(l) && !probed.contains(l.withoutName())) unchecked.add(c.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertTrue(seen > 50, "static layouts found: " + seen);
        assertTrue(unchecked.isEmpty(), "layouts no C probe checks (list them in their family's layouts() or"
                + " CallStructLayouts.everywhere(), with the #include that declares the C type): " + unchecked);
    }

    private static void nested(MemoryLayout l, Set<MemoryLayout> into) {
        into.add(l);
        into.add(l.withoutName());
        if (l instanceof GroupLayout g) for (MemoryLayout m : g.memberLayouts()) nested(m, into);
        if (l instanceof SequenceLayout seq) nested(seq.elementLayout(), into);
    }
}

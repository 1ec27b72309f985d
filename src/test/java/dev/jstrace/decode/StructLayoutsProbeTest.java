package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        // Layouts outside the catalog's struct decoders (ioctl's termios) are listed here.
        units.add(new Unit(TermiosDecoder.C_INCLUDES, List.of(TermiosDecoder.LAYOUT)));
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
        for (CallStructLayouts.Declared d : CallStructLayouts.ALL) {
            units.add(new Unit(d.cIncludes(), List.of(d.layout())));
        }
        return units;
    }

    private static Map<String, Long> expressions(List<StructLayout> layouts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (StructLayout l : layouts) {
            String type = l.name().orElseThrow(() -> new AssertionError("a layout without its C type's name"));
            m.put("sizeof(" + type + ")", l.byteSize());
            for (MemoryLayout member : l.memberLayouts()) {
                if (member.name().isEmpty()) continue; // padding
                String name = member.name().get();
                m.put("offsetof(" + type + ", " + name + ")", (long) StructLayouts.offset(l, name));
            }
        }
        return m;
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
}

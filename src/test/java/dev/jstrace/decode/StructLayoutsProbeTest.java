package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layout in {@link StructLayouts}, and every {@link StructDecoder}'s layout
 * the catalog names (this machine's arch), against the real headers: a C probe
 * compiled with the machine's cc prints {@code sizeof} of each struct and
 * {@code offsetof} of each named member, and both must be what the layout says
 * (and so what the tracer copies and the decoders read).
 */
class StructLayoutsProbeTest {
    private static final String HEADERS = "#include <time.h>\n"
            + "#include <signal.h>\n#include <poll.h>\n#include <sys/time.h>\n#include <sys/resource.h>\n"
            + "#include <sys/uio.h>\n#include <sys/socket.h>\n#include <sys/ioctl.h>\n#include <sys/times.h>\n";

    private static List<StructLayout> layouts() {
        List<StructLayout> all = new ArrayList<>(StructLayouts.ALL);
        for (StructDecoder d : SignatureCatalog.structDecoders()) all.add(d.layout(Arch.current()));
        return all;
    }

    private static String includes() {
        Set<String> lines = new LinkedHashSet<>(List.of(HEADERS.split("\n")));
        for (StructDecoder d : SignatureCatalog.structDecoders()) lines.addAll(List.of(d.cIncludes().split("\n")));
        return String.join("\n", lines) + "\n";
    }

    private static Map<String, Long> javaSide() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (StructLayout l : layouts()) {
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
        Map<String, Long> expected = javaSide();
        assertTrue(expected.size() > 30, "members checked: " + expected.size());
        dev.jstrace.CLayoutProbe.assertMatchesHeaders(dir, includes(), expected);
    }
}

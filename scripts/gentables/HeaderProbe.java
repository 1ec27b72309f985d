import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of names that only a C compiler can evaluate: enumerators without
 * an initializer ({@code RTM_DELLINK,} after {@code RTM_NEWLINK = 16,}), and
 * macros whose bodies need casts or types the header reader leaves alone. Each
 * target's own gcc (gcc, aarch64-linux-gnu-gcc, riscv64-linux-gnu-gcc) compiles
 * a probe that includes the group's headers and stores every candidate in a
 * 64-bit constant; the values are read back from the assembly ({@code -S}), so
 * nothing is run and the cross targets need no emulator. A candidate that does
 * not compile (a type, a function-like macro, a struct name matching the
 * pattern) is dropped.
 */
final class HeaderProbe {
    private HeaderProbe() {}

    private static final Pattern IDENT = Pattern.compile("\\b[A-Za-z_]\\w*\\b");
    private static final Pattern LABEL = Pattern.compile("^jstrace_v(\\d+):\\s*$");
    private static final Pattern DATA = Pattern.compile("^\\s+\\.(quad|xword|dword|8byte)\\s+(-?\\d+)\\s*$");
    private static final Pattern ZERO = Pattern.compile("^\\s+\\.zero\\s+8\\s*$");

    /**
     * The candidates of {@code headers} (identifiers in their own text matching {@code names}
     * and not {@code exclude}, first appearance first) that are integer constants for
     * {@code target}, with their values, in that order.
     */
    static LinkedHashMap<String, Long> values(GenTables.Target target, List<String> headers, Pattern names,
                                              Pattern exclude) throws IOException, InterruptedException {
        Set<String> candidates = new LinkedHashSet<>();
        Matcher m = IDENT.matcher(preprocessed(target, headers));
        while (m.find()) {
            String n = m.group();
            if (names.matcher(n).matches() && (exclude == null || !exclude.matcher(n).matches())) candidates.add(n);
        }
        return compile(target, headers, new ArrayList<>(candidates));
    }

    /**
     * The headers as the compiler sees them, macro definitions kept in place ({@code -E -dD}),
     * without line markers: the candidates are looked for in all of it, so a header that
     * must not be included directly (bits/ioctl-types.h) is reached through its parent.
     */
    private static String preprocessed(GenTables.Target target, List<String> headers)
            throws IOException, InterruptedException {
        Path src = Files.createTempFile("jstrace-probe", ".c");
        try {
            StringBuilder c = new StringBuilder("#define _GNU_SOURCE 1\n");
            for (String h : headers) c.append("#include <").append(h).append(">\n");
            Files.writeString(src, c);
            ProcessBuilder pb = new ProcessBuilder(target.cc(), "-E", "-dD", "-w", src.toString());
            pb.environment().put("LC_ALL", "C");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException(target.cc() + " cannot preprocess " + headers);
            // Leave out the compiler's own predefined macros (before the first include) and line markers.
            int start = out.indexOf("# 1 \"" + src);
            StringBuilder text = new StringBuilder();
            for (String l : out.substring(Math.max(0, start)).split("\n")) {
                if (!l.startsWith("# ")) text.append(l).append('\n');
            }
            return text.toString();
        } finally {
            Files.delete(src);
        }
    }

    private static LinkedHashMap<String, Long> compile(GenTables.Target target, List<String> headers, List<String> names)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("jstrace-probe");
        try {
            Path src = work.resolve("probe.c");
            List<String> live = new ArrayList<>(names);
            for (int round = 0; round < 8; round++) {
                StringBuilder c = new StringBuilder("#define _GNU_SOURCE 1\n");
                for (String h : headers) c.append("#include <").append(h).append(">\n");
                int first = (int) c.chars().filter(ch -> ch == '\n').count() + 1;
                for (int i = 0; i < live.size(); i++) {
                    c.append("const unsigned long long jstrace_v").append(i).append(" = (unsigned long long)(")
                            .append(live.get(i)).append(");\n");
                }
                Files.writeString(src, c);
                ProcessBuilder pb = new ProcessBuilder(target.cc(), "-S", "-w", "-O0", "-fno-zero-initialized-in-bss",
                        "-o", "-", src.toString());
                pb.environment().put("LC_ALL", "C");
                Process p = pb.start();
                byte[] asm = p.getInputStream().readAllBytes();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() == 0) return read(new String(asm, StandardCharsets.UTF_8), live);
                Set<Integer> bad = new HashSet<>();
                Matcher m = Pattern.compile(Pattern.quote(src.toString()) + ":(\\d+):\\d+: (error|note)").matcher(err);
                while (m.find()) bad.add(Integer.parseInt(m.group(1)) - first);
                int count = live.size();
                bad.removeIf(i -> i < 0 || i >= count);
                if (bad.isEmpty()) {
                    throw new IllegalStateException(target.cc() + " rejects " + headers + " itself:\n" + err);
                }
                List<String> next = new ArrayList<>();
                for (int i = 0; i < live.size(); i++) if (!bad.contains(i)) next.add(live.get(i));
                live = next;
            }
            throw new IllegalStateException(target.cc() + ": " + headers + " still fails after 8 rounds");
        } finally {
            try (var s = Files.list(work)) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(work);
        }
    }

    private static LinkedHashMap<String, Long> read(String asm, List<String> names) {
        Map<Integer, Long> byIndex = new LinkedHashMap<>();
        String[] lines = asm.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher l = LABEL.matcher(lines[i]);
            if (!l.matches()) continue;
            Matcher d = DATA.matcher(lines[i + 1]);
            long v;
            if (d.matches()) v = new java.math.BigInteger(d.group(2)).longValue();
            else if (ZERO.matcher(lines[i + 1]).matches()) v = 0;
            else throw new IllegalStateException("unexpected assembly after " + lines[i] + ": " + lines[i + 1]);
            byIndex.put(Integer.parseInt(l.group(1)), v);
        }
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Long v = byIndex.get(i);
            if (v == null) throw new IllegalStateException("no value in the assembly for " + names.get(i));
            out.put(names.get(i), v);
        }
        return out;
    }
}

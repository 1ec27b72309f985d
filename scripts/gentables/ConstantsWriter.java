import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes dev.jstrace.arch.gen.Constants: every group of {@link ConstantGroups}
 * read once per architecture. A group equal on both is one {@code Named[]}; a
 * group that differs is a {@code ByArch}, so a decoder cannot forget to pick
 * the tracee's architecture where it matters (open flags).
 */
final class ConstantsWriter {
    private final GenTables gen;

    ConstantsWriter(GenTables gen) {
        this.gen = gen;
    }

    /** One member of a group as read from one architecture's headers. */
    record Member(long value, String name) {}

    void write() throws IOException {
        List<GenTables.Target> targets = GenTables.TARGETS;
        List<Map<String, CHeaders>> headers = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) headers.add(new LinkedHashMap<>());
        StringBuilder body = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (ConstantGroups.Group g : ConstantGroups.all()) {
            List<String> skipped = new ArrayList<>();
            List<List<Member>> perArch = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (g.source() == ConstantGroups.Source.COMPILED || g.source() == ConstantGroups.Source.STRACE) {
                    perArch.add(evaluated(targets.get(i), g));
                    continue;
                }
                CHeaders h;
                try {
                    h = headers.get(i).computeIfAbsent(g.header(), targets.get(i)::headers);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("group " + g.field() + ": " + g.header() + " for "
                            + targets.get(i).label() + ": " + e.getMessage(), e);
                }
                perArch.add(members(h, g, i == 0 ? skipped : new ArrayList<>()));
            }
            List<Member> mx = perArch.get(0);
            if (mx.isEmpty()) throw new IllegalStateException("group " + g.field() + " is empty");
            String where = switch (g.source()) {
                case KERNEL -> "kernel UAPI " + g.header();
                case GLIBC -> "glibc " + g.header();
                case COMPILED -> g.header() + ", evaluated by each target's gcc";
                case STRACE -> "strace " + StraceXlat.VERSION + "'s src/xlat/" + g.header()
                        + ".in: not in the pinned headers of every arch";
            };
            // The description is text, the comment is HTML: "op & MASK" must not read as an entity.
            String doc = g.doc().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            body.append("    /**\n     * ").append(doc).append(" (").append(where).append(").\n");
            if (!skipped.isEmpty()) {
                body.append("     * Not integer constants, so left out: ").append(String.join(", ", skipped)).append(".\n");
            }
            body.append("     */\n");
            // Each array is built in a method of its own: one static initializer holding them all
            // would pass the JVM's 64 KB limit on a method's code.
            if (perArch.stream().allMatch(mx::equals)) {
                body.append("    public static final Named[] ").append(g.field()).append(" = ").append(g.field())
                        .append("();\n\n");
                method(methods, g.field(), mx, g.flags());
            } else {
                body.append("    public static final ByArch ").append(g.field()).append(" = new ByArch(");
                for (int i = 0; i < perArch.size(); i++) {
                    String m = g.field() + "_" + targets.get(i).arch();
                    body.append(i == 0 ? "" : ", ").append(m).append("()");
                    method(methods, m, perArch.get(i), g.flags());
                }
                body.append(");\n\n");
            }
        }
        StringBuilder roots = new StringBuilder("headers under ");
        for (int i = 0; i < targets.size(); i++) {
            roots.append(i == 0 ? "" : i == targets.size() - 1 ? " and " : ", ")
                    .append(targets.get(i).roots()).append(" (").append(targets.get(i).label()).append(')');
        }
        StringBuilder b = GenTables.header(List.of(roots + ", read as gcc for each target would",
                "the groups listed in scripts/gentables/ConstantGroups.java",
                "COMPILED groups: " + String.join(", ", targets.stream().map(GenTables.Target::cc).toList())
                        + " -S on a probe of the group's headers (HeaderProbe)",
                StraceXlat.describe()));
        StringBuilder components = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (GenTables.Target t : targets) {
            components.append(components.isEmpty() ? "" : ", ").append("Named[] ").append(t.field());
            cases.append("                case ").append(t.arch()).append(" -> ").append(t.field()).append(";\n");
        }
        b.append("""
                import dev.jstrace.arch.Arch;

                /**
                 * Named constants of the kernel and glibc headers, grouped the way the decoders
                 * use them. Each group keeps header order; aliases are left out. A group whose
                 * values differ between the ABIs is a {@link ByArch}.
                 */
                public final class Constants {
                    private Constants() {}

                    /** One named value of a group. */
                    public record Named(long value, String name) {}

                    /** A group whose members differ between the ABIs: one array per ABI. */
                """);
        b.append("    public record ByArch(").append(components).append(") {\n")
                .append("        /** The members for {@code arch}. */\n")
                .append("        public Named[] of(Arch arch) {\n")
                .append("            return switch (arch) {\n")
                .append(cases)
                .append("            };\n        }\n    }\n\n");
        b.append(body).append(methods.toString().stripTrailing()).append("\n}\n");
        gen.write("Constants", b);
    }

    /** A COMPILED or STRACE group's members for {@code t}, in header (or xlat file) order. */
    private static List<Member> evaluated(GenTables.Target t, ConstantGroups.Group g) throws IOException {
        Pattern names = Pattern.compile(g.names());
        Map<String, Long> values;
        if (g.source() == ConstantGroups.Source.STRACE) {
            values = StraceXlat.values(g.header(), names);
            StraceXlat.requireAll(g.field(), g.header(), List.of(g.names().split("\\|")), values);
        } else {
            Pattern exclude = g.exclude() == null ? null : Pattern.compile(g.exclude());
            try {
                values = HeaderProbe.values(t, List.of(g.header().split(" ")), names, exclude);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        List<Member> out = new ArrayList<>();
        values.forEach((n, v) -> {
            if (!(g.flags() && v == 0)) out.add(new Member(v, n));
        });
        if (out.isEmpty()) throw new IllegalStateException("group " + g.field() + " is empty for " + t.label());
        return out;
    }

    private static List<Member> members(CHeaders h, ConstantGroups.Group g, List<String> skipped) {
        Pattern names = Pattern.compile(g.names());
        Pattern exclude = g.exclude() == null ? null : Pattern.compile(g.exclude());
        List<Member> out = new ArrayList<>();
        List<String> candidates = new ArrayList<>(h.names());
        candidates.addAll(h.enumeratorNames());
        for (String n : candidates) {
            if (!names.matcher(n).matches() || (exclude != null && exclude.matcher(n).matches())) continue;
            if (h.macro(n) != null && GenTables.isAlias(h, n, names)) continue;
            Long v = h.value(n);
            if (v == null) {
                skipped.add(n);
                continue;
            }
            if (g.flags() && v == 0) continue;
            out.add(new Member(v, n));
        }
        return out;
    }

    private static void method(StringBuilder b, String name, List<Member> ms, boolean flags) {
        b.append("    private static Named[] ").append(name).append("() {\n        return ");
        array(b, ms, flags, "        ");
        b.append(";\n    }\n\n");
    }

    private static void array(StringBuilder b, List<Member> ms, boolean flags, String indent) {
        b.append("new Named[] {\n");
        for (Member m : ms) {
            b.append(indent).append("    new Named(").append(literal(m.value(), flags)).append(", \"")
                    .append(m.name()).append("\"),\n");
        }
        b.append(indent).append('}');
    }

    private static String literal(long v, boolean flags) {
        if (v < 0) return v + "L";
        if (!flags && v < 4096) return Long.toString(v);
        return "0x" + Long.toHexString(v) + (v > Integer.MAX_VALUE ? "L" : "");
    }
}

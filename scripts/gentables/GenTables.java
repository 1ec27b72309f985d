import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the tables in src/main/java/dev/jstrace/arch/gen from the kernel UAPI
 * headers (Linux 6.1 here), glibc's headers and strerror, and the checked-in
 * lists in scripts/tables. Run it through scripts/gen-tables from the project
 * root; {@code --out DIR} writes somewhere else (the regeneration test uses it).
 *
 * The inputs are pinned below, not passed in: the same command must always
 * read the same files, so that a generated file's first line says all.
 */
public final class GenTables {
    static final String COMMAND = "scripts/gen-tables";
    static final String PACKAGE = "dev.jstrace.arch.gen";

    /**
     * One architecture the tables are generated for: the {@code dev.jstrace.arch.Arch} constant it
     * belongs to, where its headers are, what gcc predefines for it, which rows of
     * syscalls-newer.txt it takes, and the Debian packages its headers come from. Adding an
     * architecture is one more entry in {@link #TARGETS} (and its constant in Arch).
     *
     * @param arch        the Arch constant's name (X86_64)
     * @param label       the name in comments (x86-64)
     * @param roots       include directories, searched in order
     * @param predefined  the macros gcc 12 predefines for the target, as far as these headers look
     * @param abi         the syscalls-newer.txt abi column value besides "common" that it takes
     * @param unistd      how its asm/unistd.h reaches the numbers (for the generated file's header)
     * @param packages    the Debian packages of its headers
     * @param cc          its C compiler, which evaluates the groups of source COMPILED (HeaderProbe)
     */
    record Target(String arch, String label, List<Path> roots, Map<String, String> predefined, String abi,
                  String unistd, List<String> packages, String cc) {
        /** The generated syscall table's class: X86_64Syscalls, Aarch64Syscalls. */
        String syscallClass() {
            String a = arch.toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(a.charAt(0)) + a.substring(1) + "Syscalls";
        }

        /** The ByArch component's name: x86_64, aarch64. */
        String field() {
            return arch.toLowerCase(java.util.Locale.ROOT);
        }

        CHeaders headers(String header) {
            return new CHeaders(roots, predefined).include(header);
        }
    }

    /** x86-64: Debian's multiarch UAPI headers (linux-libc-dev) and glibc (libc6-dev). */
    static final Target X86_64 = new Target("X86_64", "x86-64",
            List.of(Path.of("/usr/include/x86_64-linux-gnu"), Path.of("/usr/include")),
            predefined("__x86_64__", "__x86_64"), "x86_64",
            "/usr/include/x86_64-linux-gnu/asm/unistd.h (-> asm/unistd_64.h; x32 and i386 not read)",
            List.of("linux-libc-dev", "libc6-dev"), "gcc");
    /** aarch64: Debian's linux-libc-dev-arm64-cross and libc6-dev-arm64-cross. */
    static final Target AARCH64 = new Target("AARCH64", "aarch64", List.of(Path.of("/usr/aarch64-linux-gnu/include")),
            predefined("__aarch64__", "__AARCH64EL__"), "aarch64",
            "/usr/aarch64-linux-gnu/include/asm/unistd.h (-> asm-generic/unistd.h with arm64's __ARCH_WANT_*)",
            List.of("linux-libc-dev-arm64-cross", "libc6-dev-arm64-cross"), "aarch64-linux-gnu-gcc");
    /** riscv64: Debian's linux-libc-dev-riscv64-cross and libc6-dev-riscv64-cross. */
    static final Target RISCV64 = new Target("RISCV64", "riscv64", List.of(Path.of("/usr/riscv64-linux-gnu/include")),
            predefined("__riscv", "__riscv_xlen=64", "__SIZEOF_POINTER__=8", "__riscv_float_abi_double"), "riscv64",
            "/usr/riscv64-linux-gnu/include/asm/unistd.h (-> asm-generic/unistd.h with riscv's __ARCH_WANT_*)",
            List.of("linux-libc-dev-riscv64-cross", "libc6-dev-riscv64-cross"), "riscv64-linux-gnu-gcc");
    /** Every architecture, in Arch's order; the first is the one the others' shared tables are checked against. */
    static final List<Target> TARGETS = List.of(X86_64, AARCH64, RISCV64);

    static final Path NEWER_SYSCALLS = Path.of("scripts/tables/syscalls-newer.txt");
    static final Path INTERNAL_ERRNOS = Path.of("scripts/tables/errnos-kernel-internal.txt");

    private static Map<String, String> predefined(String... archMacros) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : archMacros) {
            int eq = a.indexOf('=');
            if (eq < 0) m.put(a, "1");
            else m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        m.putAll(Map.of("__LP64__", "1", "_LP64", "1", "__linux__", "1", "__CHAR_BIT__", "8",
                "__SIZEOF_LONG__", "8", "__GNUC__", "12", "__GNUC_MINOR__", "2", "__STDC__", "1",
                "__STDC_VERSION__", "201710L", "_GNU_SOURCE", "1"));
        return m;
    }

    /** Not syscalls although named __NR_*: a count and the base of aarch64's unused arch range. */
    static final List<String> NOT_SYSCALLS = List.of("__NR_syscalls", "__NR_arch_specific_syscall");

    private final Path out;

    private GenTables(Path out) {
        this.out = out.resolve(PACKAGE.replace('.', '/'));
    }

    /** Entry point: {@code [--out DIR]}, run from the project root. */
    public static void main(String[] args) throws Throwable {
        Path out = Path.of("src/main/java");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) out = Path.of(args[++i]);
            else throw new IllegalArgumentException("usage: GenTables [--out DIR]  (unknown: " + args[i] + ")");
        }
        if (!Files.exists(NEWER_SYSCALLS)) throw new IllegalStateException("run from the project root");
        GenTables g = new GenTables(out);
        Files.createDirectories(g.out);
        g.syscalls();
        g.errnos();
        g.signals();
        new ConstantsWriter(g).write();
        IoctlTable.generate(g.out);
    }

    static CHeaders x86(String header) {
        return X86_64.headers(header);
    }

    // ---------------------------------------------------------------- syscalls

    private void syscalls() throws IOException {
        List<String[]> newer = readTable(NEWER_SYSCALLS);
        for (Target t : TARGETS) {
            TreeMap<Integer, String> byNr = syscallTable(t.headers("asm/unistd.h"), newer, t.abi());
            TreeMap<Integer, String> strace = StraceSyscallent.names(t.field());
            for (var e : strace.entrySet()) {
                String ours = byNr.get(e.getKey());
                if (ours != null && !ours.equals(e.getValue())) {
                    throw new IllegalStateException(t.label() + " " + e.getKey() + ": strace 6.1 names it "
                            + e.getValue() + ", the headers " + ours + " (the strace-text path would need its name)");
                }
            }
            writeSyscalls(t.syscallClass(), t.label(), byNr, strace, t.field(),
                    List.of(t.unistd(), NEWER_SYSCALLS + " (abi common and " + t.abi() + ")",
                            StraceSyscallent.describe(t.field())));
        }
    }

    private static TreeMap<Integer, String> syscallTable(CHeaders h, List<String[]> newer, String abi) {
        TreeMap<Integer, String> byNr = new TreeMap<>();
        for (String macro : h.names()) {
            if (!macro.startsWith("__NR_") || NOT_SYSCALLS.contains(macro)) continue;
            Long nr = h.value(macro);
            if (nr == null) throw new IllegalStateException("no number for " + macro);
            put(byNr, nr.intValue(), macro.substring("__NR_".length()));
        }
        for (String[] row : newer) {
            if (row[2].equals("common") || row[2].equals(abi)) put(byNr, Integer.parseInt(row[0]), row[1]);
        }
        return byNr;
    }

    private static void put(Map<Integer, String> byNr, int nr, String name) {
        String old = byNr.putIfAbsent(nr, name);
        if (old != null && !old.equals(name)) throw new IllegalStateException(nr + " is both " + old + " and " + name);
    }

    private void writeSyscalls(String cls, String arch, TreeMap<Integer, String> byNr,
                               TreeMap<Integer, String> strace, String straceArch, List<String> inputs) throws IOException {
        StringBuilder b = header(inputs);
        b.append("/** The ").append(arch).append(" syscall names by number, as strace names them. */\n")
                .append("public final class ").append(cls).append(" {\n")
                .append("    private ").append(cls).append("() {}\n\n")
                .append("    /** Names indexed by syscall number; null where the number is unassigned. */\n")
                .append("    public static final String[] NAMES = {\n");
        for (int nr = 0; nr <= byNr.lastKey(); nr++) {
            String n = byNr.get(nr);
            b.append("        ").append(n == null ? "null" : '"' + n + '"').append(", // ").append(nr).append('\n');
        }
        b.append("    };\n\n");
        List<Integer> ranges = StraceSyscallent.ranges(strace.keySet());
        List<String> straceOnly = new ArrayList<>();
        for (var e : strace.entrySet()) if (!byNr.containsKey(e.getKey())) straceOnly.add(e.getValue() + " (" + e.getKey() + ")");
        b.append("    /**\n")
                .append("     * The numbers strace 6.1 knows on ").append(arch).append(", as inclusive ranges {@code {first, last,\n")
                .append("     * first, last, ...}}, from its src/linux/").append(straceArch).append("/syscallent.h. strace 6.1 prints any other\n")
                .append("     * number raw, as {@code syscall_0x1c3(...)} with six arguments, whatever {@code -e trace=} says.\n");
        if (!straceOnly.isEmpty()) {
            b.append("     * It also names ").append(String.join(", ", straceOnly))
                    .append(", which this arch's kernel lacks and {@link #NAMES} leaves out.\n");
        }
        b.append("     */\n    public static final int[] STRACE_6_1_KNOWN = {");
        for (int i = 0; i < ranges.size(); i += 2) {
            b.append(i == 0 ? "" : ",").append(' ').append(ranges.get(i)).append(", ").append(ranges.get(i + 1));
        }
        b.append(" };\n}\n");
        write(cls, b);
    }

    // ------------------------------------------------------------------ errnos

    private void errnos() throws Throwable {
        Map<Integer, String> names = firstNames(x86("asm/errno.h"), "E[A-Z0-9]+");
        // The others use the generic numbering too; a difference would need a second table.
        for (Target t : TARGETS.subList(1, TARGETS.size())) {
            if (!names.equals(firstNames(t.headers("asm/errno.h"), "E[A-Z0-9]+"))) {
                throw new IllegalStateException("errno numbers differ between x86-64 and " + t.label());
            }
        }
        Map<Integer, String> messages = new TreeMap<>();
        for (int e : names.keySet()) messages.put(e, strerror(e));
        for (String[] row : readTable(INTERNAL_ERRNOS)) {
            int e = Integer.parseInt(row[0]);
            names.put(e, row[1]);
            messages.put(e, row.length > 2 ? row[2] : strerror(e));
        }
        StringBuilder b = header(List.of("/usr/include/x86_64-linux-gnu/asm/errno.h (-> asm-generic/errno.h,"
                        + " errno-base.h; aliases such as EWOULDBLOCK left out)",
                "/usr/aarch64-linux-gnu/include/asm/errno.h, /usr/riscv64-linux-gnu/include/asm/errno.h (checked equal)",
                INTERNAL_ERRNOS.toString(), "glibc strerror() in the C locale, called by the generator"));
        b.append("""
                /**
                 * errno names and the messages strace prints after them: glibc's strerror
                 * text, except for the kernel-internal restart codes, where strace prints
                 * its own. An errno without a name is printed by strace as its number
                 * followed by glibc's "Unknown error N".
                 */
                public final class Errnos {
                    private Errnos() {}

                    /** The errno's name (ENOENT, ERESTARTSYS), or null when it has none. */
                    public static String name(int errno) {
                        return switch (errno) {
                """);
        names.forEach((e, n) -> b.append("            case ").append(e).append(" -> \"").append(n).append("\";\n"));
        b.append("""
                            default -> null;
                        };
                    }

                    /** The message strace prints for the errno, or null when the errno has no name. */
                    public static String message(int errno) {
                        return switch (errno) {
                """);
        messages.forEach((e, m) -> b.append("            case ").append(e).append(" -> ").append(quote(m)).append(";\n"));
        b.append("""
                            default -> null;
                        };
                    }

                    /** The number of an errno name such as {@code "ENOENT"}, or -1. */
                    public static int number(String name) {
                        return switch (name) {
                """);
        names.forEach((e, n) -> b.append("            case \"").append(n).append("\" -> ").append(e).append(";\n"));
        b.append("            default -> -1;\n        };\n    }\n}\n");
        write("Errnos", b);
    }

    /** glibc's strerror text, pinned to the C locale so the output does not depend on $LANG. */
    private static String strerror(int errno) throws Throwable {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        MethodHandle setlocale = linker.downcallHandle(libc.find("setlocale").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        MethodHandle strerror = linker.downcallHandle(libc.find("strerror").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment unused = (MemorySegment) setlocale.invokeExact(6 /* LC_ALL in glibc */, a.allocateFrom("C"));
            MemorySegment s = (MemorySegment) strerror.invokeExact(errno);
            return s.reinterpret(4096).getString(0);
        }
    }

    /** Number to name for macros matching {@code pattern}, first definition wins, aliases skipped. */
    static Map<Integer, String> firstNames(CHeaders h, String pattern) {
        Pattern p = Pattern.compile(pattern);
        Map<Integer, String> out = new TreeMap<>();
        for (String n : h.names()) {
            if (!p.matcher(n).matches() || isAlias(h, n, p)) continue;
            Long v = h.value(n);
            if (v != null) out.putIfAbsent(v.intValue(), n);
        }
        return out;
    }

    /** True when the macro's body is just another name of the same group (EWOULDBLOCK is EAGAIN). */
    static boolean isAlias(CHeaders h, String name, Pattern group) {
        String body = h.macro(name).body();
        return !body.equals(name) && group.matcher(body).matches() && h.macro(body) != null;
    }

    // ----------------------------------------------------------------- signals

    private void signals() throws IOException {
        CHeaders x = x86("asm/signal.h");
        CHeaders generic = AARCH64.headers("asm/signal.h");
        Map<Integer, String> names = firstNames(x, "SIG[A-Z0-9]+");
        names.keySet().removeIf(n -> n < 1 || n >= 32); // SIGRTMIN/SIGRTMAX/SIGSTKSZ are not signals
        for (Target t : TARGETS.subList(1, TARGETS.size())) {
            if (!names.equals(firstNames(t.headers("asm/signal.h"), "SIG[A-Z0-9]+").entrySet().stream()
                    .filter(e -> e.getKey() >= 1 && e.getKey() < 32)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))) {
                throw new IllegalStateException("signal numbers differ between x86-64 and " + t.label());
            }
        }
        // x86's UAPI asm/signal.h leaves _NSIG to the kernel's own header (64 there too);
        // the generic header aarch64 uses spells it out.
        long rtmin = generic.value("SIGRTMIN");
        long nsig = generic.value("_NSIG");
        // Same-number synonyms (SIGIOT) and aliases (SIGPOLL) are accepted when parsing names.
        Map<String, Integer> synonyms = new LinkedHashMap<>();
        for (String n : x.names()) {
            Long v = n.matches("SIG[A-Z0-9]+") ? x.value(n) : null;
            if (v != null && v >= 1 && v < 32 && !names.get(v.intValue()).equals(n)) synonyms.put(n, v.intValue());
        }
        List<String> all = new ArrayList<>(Arrays.asList(new String[(int) nsig + 1]));
        names.forEach(all::set);
        // strace 6.1 names the kernel's real-time signals SIGRTMIN, SIGRT_1 .. SIGRT_32.
        all.set((int) rtmin, "SIGRTMIN");
        for (long s = rtmin + 1; s <= nsig; s++) all.set((int) s, "SIGRT_" + (s - rtmin));
        StringBuilder b = header(List.of("/usr/include/x86_64-linux-gnu/asm/signal.h",
                "/usr/aarch64-linux-gnu/include/asm/signal.h (-> asm-generic/signal.h; checked equal; SIGRTMIN, _NSIG)",
                "/usr/riscv64-linux-gnu/include/asm/signal.h (-> asm-generic/signal.h; checked equal)",
                "strace 6.1's names for real-time signals: SIGRTMIN, SIGRT_1 .. SIGRT_32"));
        b.append("""
                /** Signal names by the kernel's numbers (the same on x86-64 and aarch64), as strace prints them. */
                public final class Signals {
                    private Signals() {}

                """);
        b.append("    /** The kernel's first real-time signal (glibc reserves two, so its SIGRTMIN is larger). */\n")
                .append("    public static final int SIGRTMIN = ").append(rtmin).append(";\n\n")
                .append("    /** The highest signal number (the kernel's _NSIG). */\n")
                .append("    public static final int NSIG = ").append(nsig).append(";\n\n")
                .append("    private static final String[] NAMES = {\n");
        for (int s = 0; s < all.size(); s++) {
            b.append("        ").append(all.get(s) == null ? "null" : '"' + all.get(s) + '"').append(", // ")
                    .append(s).append('\n');
        }
        b.append("    };\n\n    private static final java.util.Map<String, Integer> SYNONYMS = java.util.Map.of(");
        b.append(String.join(", ", synonyms.entrySet().stream()
                .map(e -> '"' + e.getKey() + "\", " + e.getValue()).toList()));
        b.append("""
                );

                    /** The signal's name (SIGKILL, SIGRT_2), or null for a number that is not a signal. */
                    public static String name(int sig) {
                        return sig > 0 && sig < NAMES.length ? NAMES[sig] : null;
                    }

                    /**
                     * The number of a signal name, read as strace reads {@code -e signal=}: case does
                     * not matter and the SIG prefix is optional ({@code KILL}, {@code sigkill},
                     * {@code SIGRT_3}); synonyms such as SIGIOT and SIGPOLL are accepted. -1 when unknown.
                     */
                    public static int number(String name) {
                        String n = name.toUpperCase(java.util.Locale.ROOT);
                        if (!n.startsWith("SIG")) n = "SIG" + n;
                        for (int s = 1; s < NAMES.length; s++) {
                            if (n.equals(NAMES[s])) return s;
                        }
                        return SYNONYMS.getOrDefault(n, -1);
                    }
                }
                """);
        write("Signals", b);
    }

    // ------------------------------------------------------------------ output

    /** Rows of a whitespace-separated table file, without comments and blank lines. */
    static List<String[]> readTable(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            String l = line.replaceAll("#.*", "").strip();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+", 3);
            rows.add(f);
        }
        return rows;
    }

    /** The Debian packages whose headers the tables come from (x86-64's and the cross ones), in TARGETS order. */
    static final List<String> HEADER_PACKAGES = TARGETS.stream().flatMap(t -> t.packages().stream()).toList();

    /** The prefix of the header line naming the package versions, which GeneratedTablesTest reads back. */
    static final String PACKAGES_LINE = "// Header packages: ";

    /** {@code linux-libc-dev 6.1.187-1, libc6-dev 2.36-9+deb12u14, ...} as dpkg has them installed. */
    static String headerPackages() {
        List<String> out = new ArrayList<>();
        for (String pkg : HEADER_PACKAGES) {
            try {
                Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", pkg).redirectErrorStream(true)
                        .start();
                String v = new String(p.getInputStream().readAllBytes()).strip();
                out.add(pkg + " " + (p.waitFor() == 0 && !v.isEmpty() ? v : "(not installed)"));
            } catch (IOException | InterruptedException e) {
                out.add(pkg + " (unknown: " + e.getMessage() + ")");
            }
        }
        return String.join(", ", out);
    }

    /** The file header: the command, the DO NOT EDIT line, the inputs and their packages, the package. */
    static StringBuilder header(List<String> inputs) {
        StringBuilder b = new StringBuilder();
        b.append("// ").append(COMMAND).append('\n')
                .append("// Code generated by ").append(COMMAND).append(". DO NOT EDIT.\n")
                .append("// Generator: scripts/gentables/GenTables.java. Inputs:\n");
        for (String i : inputs) b.append("//   ").append(i).append('\n');
        b.append(PACKAGES_LINE).append(headerPackages()).append('\n');
        b.append('\n').append("package ").append(PACKAGE).append(";\n\n");
        return b;
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    void write(String cls, CharSequence text) throws IOException {
        Files.writeString(out.resolve(cls + ".java"), text);
    }
}

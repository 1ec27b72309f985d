import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates dev.jstrace.arch.gen.IoctlNames: every ioctl request the UAPI headers
 * define, with its number, as strace's ioctlent table has them.
 *
 * The numbers of the _IOR/_IOW/_IOWR requests depend on sizeof of their argument
 * types, which only a C compiler knows; so, as strace's ioctls_gen.sh does, each
 * header that defines requests gets a small C probe that includes it and prints
 * each request's value. The probe is compiled and run here, at generation time,
 * never at run time. A request whose line does not compile (a header needing
 * kernel-internal types) is dropped and listed in the output's comment.
 *
 * Ordering and duplicates follow strace's ioctlsort: one entry per name (asm/
 * before asm-generic/, else the first header in path order), sorted by number
 * then name, so that requests sharing a number print as {@code A or B}.
 *
 * Usage: java scripts/gentables/IoctlTable.java [--out DIR] (scripts/gen-ioctls; DIR as GenTables'
 * --out, default src/main/java); scripts/gen-tables runs it too.
 */
public final class IoctlTable {
    private static final Path INCLUDE = Path.of("/usr/include");
    private static final Path ARCH_INCLUDE = Path.of("/usr/include/x86_64-linux-gnu");
    /** The header trees strace's generator reads (UAPI parts only exist here). */
    private static final List<String> TREES = List.of("linux", "asm-generic", "drm", "mtd", "rdma", "scsi",
            "sound", "video", "xen", "misc");
    /** Headers whose tty/socket requests are plain numbers (0x5401), not _IO() expressions. */
    private static final Set<String> LITERAL_HEADERS = Set.of("asm-generic/ioctls.h", "asm/ioctls.h",
            "linux/sockios.h", "asm-generic/sockios.h", "asm/sockios.h", "linux/cdrom.h", "linux/hdreg.h",
            "linux/kd.h", "linux/vt.h", "linux/loop.h", "scsi/sg.h", "linux/fb.h");
    /**
     * Names strace's table does not carry though the headers define them: other architectures' KVM
     * requests (linux/kvm.h holds them all), the v4l2 subdev duplicates of VIDIOC_* numbers, and the
     * ambiguous-width DMA_BUF_SET_NAME/PPPIOCGIDLE (their _A/_B/32/64 forms are kept).
     */
    private static final Pattern EXCLUDE = Pattern.compile("KVM_(ARM|PPC|S390)_\\w+|KVM_S390_\\w+"
            + "|VIDIOC_SUBDEV_(G_STD|S_STD|QUERYSTD|ENUMSTD|G_EDID|S_EDID|\\w*DV_TIMINGS\\w*)|DMA_BUF_SET_NAME"
            + "|PPPIOCGIDLE");
    private static final Pattern DEFINE = Pattern.compile("^\\s*#\\s*define\\s+([A-Z][A-Z0-9_]*)\\s+(.+)$");
    private static final Pattern IOCTL_BODY = Pattern.compile(
            "^\\(?\\s*([A-Z]+)?_S?(IO|IOW|IOR|IOWR|IOC)(_BAD)?\\s*\\([^)].*");
    private static final Pattern LITERAL_BODY = Pattern.compile("^0x[0-9a-fA-F]+\\s*(/\\*.*)?$");
    /** Headers the probes include first: the types most UAPI headers assume. */
    private static final String PRELUDE = """
            #include <stddef.h>
            #include <stdint.h>
            #include <stdio.h>
            #include <sys/types.h>
            #include <sys/socket.h>
            #include <sys/time.h>
            #include <linux/types.h>
            #include <linux/ioctl.h>
            """;
    /** Added when a probe fails: the headers that define the argument types some requests name. */
    private static final String EXTRA = """
            #include <asm/termbits.h>
            #include <linux/fiemap.h>
            #include <linux/blkpg.h>
            #include <linux/blktrace_api.h>
            #include <linux/atmioc.h>
            #include <linux/raid/md_p.h>
            """;

    private record Entry(String header, String name, long code) {}

    private IoctlTable() {}

    /**
     * Entry point.
     *
     * @param args {@code --out DIR} (default src/main/java/dev/jstrace/arch/gen)
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of("src/main/java");
        for (int i = 0; i < args.length; i++) if (args[i].equals("--out")) out = Path.of(args[++i]);
        generate(out.resolve("dev/jstrace/arch/gen"));
    }

    /**
     * Writes IoctlNames.java into {@code genDir} (GenTables calls this too, so one run makes every table).
     *
     * @param genDir the dev/jstrace/arch/gen directory to write into
     */
    static void generate(Path genDir) throws Exception {
        Map<String, List<String>> byHeader = scan();
        Path work = Files.createTempDirectory("gen-ioctls");
        List<Entry> entries = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Entry>>> jobs = new ArrayList<>();
        List<String> headers = new ArrayList<>(byHeader.keySet());
        for (String h : headers) jobs.add(pool.submit(() -> probe(work, h, byHeader.get(h), dropped)));
        for (Future<List<Entry>> f : jobs) entries.addAll(f.get());
        pool.shutdown();
        // A request strace names that the pinned headers lack: glibc's scsi/sg.h stops before 0x2289.
        for (var e : StraceXlat.values("scsi_sg_commands", Pattern.compile("SG_GET_ACCESS_COUNT")).entrySet()) {
            entries.add(new Entry("strace 6.1 src/xlat/scsi_sg_commands.in", e.getKey(), e.getValue()));
        }
        entries.addAll(zfs());
        List<Entry> sorted = straceOrder(entries);
        Files.createDirectories(genDir);
        write(genDir.resolve("IoctlNames.java"), sorted, dropped);
        System.err.println("gen-ioctls: " + sorted.size() + " requests from " + headers.size() + " headers; "
                + dropped.size() + " dropped");
    }

    /** One line of strace's src/ioctls_zfs.h: header, name, direction, (type << 8) | nr, size. */
    private static final Pattern ZFS_LINE = Pattern.compile(
            "^\\{ \"([^\"]+)\", \"(\\w+)\", ([^,]+), ([^,]+), ([^,]+) \\},$");

    /**
     * The OpenZFS requests strace 6.1 names from its own src/ioctls_zfs.h (generated by its
     * ioctls_zfs.sh from OpenZFS, whose headers no Debian package installs), with their numbers
     * put together as _IOC does.
     */
    private static List<Entry> zfs() throws IOException {
        Path file = StraceXlat.directory().getParent().resolve("ioctls_zfs.h");
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = ZFS_LINE.matcher(line.strip());
            if (!m.matches()) continue;
            String dir = m.group(3).strip();
            long d = dir.equals("0") ? 0 : dir.equals("_IOC_READ") ? 2 : dir.equals("_IOC_WRITE") ? 1
                    : dir.equals("_IOC_READ|_IOC_WRITE") ? 3 : -1;
            Long typeNr = CHeaders.evaluate(m.group(4).strip()), size = CHeaders.evaluate(m.group(5).strip());
            if (d < 0 || typeNr == null || size == null) throw new IllegalStateException(file + ": " + line);
            out.add(new Entry("strace 6.1 src/ioctls_zfs.h", m.group(2), d << 30 | size << 16 | typeNr));
        }
        if (out.isEmpty()) throw new IllegalStateException(file + ": no requests");
        return out;
    }

    /** Every header with ioctl definitions, mapped to the names it defines (in order). */
    private static Map<String, List<String>> scan() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        for (String tree : TREES) walk(INCLUDE, INCLUDE.resolve(tree), found);
        walk(ARCH_INCLUDE, ARCH_INCLUDE.resolve("asm"), found);
        return found;
    }

    private static void walk(Path root, Path dir, Map<String, List<String>> found) throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".h")).sorted().toList();
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString();
            boolean literal = LITERAL_HEADERS.contains(rel);
            List<String> names = new ArrayList<>();
            Map<String, Integer> literals = new LinkedHashMap<>();
            for (String line : joinContinuations(Files.readAllLines(f, StandardCharsets.ISO_8859_1))) {
                Matcher m = DEFINE.matcher(line);
                if (!m.matches()) continue;
                String body = m.group(2).trim();
                if (EXCLUDE.matcher(m.group(1)).matches()) continue;
                if (IOCTL_BODY.matcher(body).matches()) {
                    if (!names.contains(m.group(1))) names.add(m.group(1));
                } else if (literal && LITERAL_BODY.matcher(body).matches()) {
                    int v = Integer.parseInt(body.substring(2).split("[^0-9a-fA-F]")[0], 16);
                    if (v >= 0x100 && v <= 0xffff) literals.putIfAbsent(m.group(1), v);
                }
            }
            // A literal-number header mixes requests (0x5301, 0x5302...) with other constants; the
            // requests are the values sharing the header's ioctl type, the most common high byte.
            Map<Integer, Integer> typeCount = new HashMap<>();
            for (int v : literals.values()) typeCount.merge(v >> 8, 1, Integer::sum);
            int type = typeCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(-1);
            literals.forEach((n, v) -> {
                if (v >> 8 == type && !names.contains(n)) names.add(n);
            });
            if (!names.isEmpty()) found.merge(rel, names, (a, b) -> { a.addAll(b); return a; });
        }
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        StringBuilder cur = new StringBuilder();
        for (String l : lines) {
            if (l.endsWith("\\")) {
                cur.append(l, 0, l.length() - 1).append(' ');
            } else {
                cur.append(l);
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        return out;
    }

    /** Compiles and runs the probe for one header, dropping the lines gcc rejects (up to 4 rounds). */
    private static List<Entry> probe(Path work, String header, List<String> names, List<String> dropped)
            throws IOException, InterruptedException {
        List<String> live = new ArrayList<>(names);
        String base = header.replaceAll("[^A-Za-z0-9]", "_");
        Path src = work.resolve(base + ".c");
        Path exe = work.resolve(base);
        for (int round = 0; round < 4 && !live.isEmpty(); round++) {
            StringBuilder c = new StringBuilder(PRELUDE).append(round > 0 ? EXTRA : "").append("#include <").append(header).append(">\n");
            int firstLine = (int) c.chars().filter(ch -> ch == '\n').count() + 3;
            c.append("int main(void) {\n");
            c.append("#pragma GCC diagnostic ignored \"-Wall\"\n");
            for (String n : live) c.append("printf(\"%s %u\\n\", \"").append(n).append("\", (unsigned) (")
                    .append(n).append("));\n");
            c.append("return 0; }\n");
            Files.writeString(src, c);
            ProcessBuilder gcc = new ProcessBuilder("gcc", "-w", "-o", exe.toString(), src.toString())
                    .redirectErrorStream(true);
            gcc.environment().put("LC_ALL", "C");   // plain quotes in the messages listed in the output
            Process p = gcc.start();
            String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) return run(exe, header);
            Set<Integer> bad = new HashSet<>();
            Matcher m = Pattern.compile(Pattern.quote(src.toString()) + ":(\\d+):\\d+: error").matcher(err);
            while (m.find()) bad.add(Integer.parseInt(m.group(1)) - firstLine);
            int count = live.size();
            if (bad.isEmpty() || bad.stream().anyMatch(i -> i < 0 || i >= count)) {
                synchronized (dropped) {
                    dropped.add(header + " (whole header: " + firstError(err) + ")");
                }
                return List.of();
            }
            if (round == 0) continue;
            List<String> next = new ArrayList<>();
            for (int i = 0; i < live.size(); i++) {
                if (bad.contains(i)) {
                    synchronized (dropped) {
                        dropped.add(header + " " + live.get(i));
                    }
                } else {
                    next.add(live.get(i));
                }
            }
            live = next;
        }
        return List.of();
    }

    private static String firstError(String err) {
        for (String l : err.split("\n")) if (l.contains("error")) return l.replaceAll(".*error: ", "");
        return "no output";
    }

    private static List<Entry> run(Path exe, String header) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<Entry> es = new ArrayList<>();
        for (String l : out.split("\n")) {
            String[] f = l.split(" ");
            if (f.length == 2) es.add(new Entry(header, f[0], Long.parseLong(f[1])));
        }
        return es;
    }

    /** strace's ioctlsort: one entry per name (asm/ before asm-generic/), then by number and name. */
    private static List<Entry> straceOrder(List<Entry> entries) {
        Comparator<Entry> byNameInfo = Comparator.comparing(Entry::name).thenComparing((a, b) -> {
            boolean aAsm = a.header().startsWith("asm/"), bAsm = b.header().startsWith("asm/");
            boolean aGen = a.header().startsWith("asm-generic/"), bGen = b.header().startsWith("asm-generic/");
            if (aAsm && bGen) return -1;
            if (bAsm && aGen) return 1;
            return a.header().compareTo(b.header());
        });
        Map<String, Entry> first = new LinkedHashMap<>();
        entries.stream().sorted(byNameInfo).forEach(e -> first.putIfAbsent(e.name(), e));
        return first.values().stream()
                .sorted(Comparator.comparingLong(Entry::code).thenComparing(Entry::name)).toList();
    }

    private static void write(Path file, List<Entry> sorted, List<String> dropped) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("// scripts/gen-ioctls\n// Code generated by scripts/gen-ioctls. DO NOT EDIT.\n");
        sb.append("// Generator: scripts/gentables/IoctlTable.java. Inputs: the UAPI headers under /usr/include\n");
        sb.append("// (").append(String.join(", ", TREES)).append(", x86_64-linux-gnu/asm), probed with gcc.\n");
        sb.append("// Header package: linux-libc-dev ").append(dpkgVersion("linux-libc-dev")).append('\n');
        List<String> sortedDrops = new ArrayList<>(dropped);
        java.util.Collections.sort(sortedDrops);
        sb.append("// Not compilable in user space, left out (").append(sortedDrops.size()).append("):\n");
        for (String d : sortedDrops) sb.append("//   ").append(d).append('\n');
        sb.append("""

                package dev.jstrace.arch.gen;

                /**
                 * The ioctl requests of the UAPI headers, as {@code "0xNUMBER NAME"} lines sorted by
                 * number then name, one name per request (strace's ioctlent order), in chunks that
                 * each fit one class-file constant.
                 */
                public final class IoctlNames {
                    private IoctlNames() {}

                    /** The table, in chunks; each line is {@code 0x%08x NAME}. */
                    public static final String[] CHUNKS = {
                """);
        int per = 1500;
        for (int i = 0; i < sorted.size(); i += per) {
            sb.append("        \"\"\"\n");
            for (Entry e : sorted.subList(i, Math.min(sorted.size(), i + per))) {
                sb.append("        ").append(String.format("0x%08x %s", e.code(), e.name())).append('\n');
            }
            sb.append("        \"\"\",\n");
        }
        sb.append("    };\n}\n");
        Files.writeString(file, sb);
    }

    private static String dpkgVersion(String pkg) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", pkg).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !v.isEmpty() ? v : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}

package dev.jstrace.self;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.jstrace.ffi.Libc;

/**
 * The helper JVM's class-data cache: most of a helper's start is loading and
 * linking jstrace's classes, which a cache made by an earlier helper maps
 * ready-made.
 *
 * <p>On JDK 25 and later it is an AOT cache (JEP 483/514): classes loaded and
 * linked, the boot module graph with the native-access grant, the lambda forms
 * the helper's FFM calls spin. It is made once per JDK and jar by a training
 * run: when a helper starts and finds no cache, it runs a training JVM at the end
 * of its own life (after the JVM it served has gone, its output pipes closed,
 * at the lowest CPU priority), which traces a busy thread of this helper the
 * way a session traces a thread ({@link HelperTraining}), and the cache appears under its final name only
 * when complete. Until then, and where the cache cannot be used, the helper
 * starts without one. Older JDKs get a dynamic CDS archive the JVM makes at
 * the helper's exit ({@code -XX:+AutoCreateSharedArchive}).
 *
 * <p>The cache is named by the JDK and by each jar's path, size and
 * modification time: JDK 25 maps an AOT cache whose jar has since been
 * rebuilt without noticing (measured: the stale classes ran), and neither JVM
 * remakes a dynamic archive whose class path no longer matches.
 *
 * <p>It lives in {@code $XDG_CACHE_HOME/jstrace} (by default
 * {@code ~/.cache/jstrace}) when that directory is this user's and writable
 * by no one else (a cache is code the helper runs), else in
 * {@code $TMPDIR/jstrace-USER} (mode 0700). A class path with a directory
 * (a build's classes) gets no cache: the JVM archives only jars. The system
 * property {@code jstrace.helperCache=off} turns the cache off.
 */
final class HelperArchive {
    private HelperArchive() {}

    /** {@code -Djstrace.helperCache=off}: no cache is used or made (a read-only home; a cold-start measurement). */
    static final String OFF_PROPERTY = "jstrace.helperCache";
    /** The system property that tells a helper to make the AOT cache at its end: the cache's path. */
    static final String TRAIN_PROPERTY = "jstrace.helper.trainAotCache";
    /** The training run's argument to {@link SelfTraceHelper#main}. */
    static final String TRAIN_ARGUMENT = "--train-aot-cache";
    private static final long TRAINING_TIMEOUT_SECONDS = 120;

    /**
     * The JVM options that give a helper started with {@code where} its cache:
     * map it when it exists, else say where the training should put it.
     */
    static List<String> options(List<String> where) {
        if ("off".equals(System.getProperty(OFF_PROPERTY))) return List.of();
        List<Path> jars = pathEntries(where);
        if (jars == null) return List.of();
        Path dir = directory();
        if (dir == null) return List.of();
        String key = key(where, jars);
        if (Runtime.version().feature() >= 25) {
            Path cache = dir.resolve("helper-" + key + ".aot");
            if (Files.isRegularFile(cache)) {
                return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
            }
            return List.of("-D" + TRAIN_PROPERTY + "=" + cache);
        }
        Path archive = dir.resolve("helper-" + key + ".jsa");
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The jars of the class or module path in {@code where}; null when one is not a jar file. */
    private static List<Path> pathEntries(List<String> where) {
        int i = Math.max(where.indexOf("-cp"), where.indexOf("--module-path"));
        if (i < 0 || i + 1 >= where.size()) return null;
        List<Path> jars = new ArrayList<>();
        for (String e : where.get(i + 1).split(File.pathSeparator)) {
            if (e.isEmpty()) continue;
            Path p = Path.of(e);
            if (!Files.isRegularFile(p)) return null;
            jars.add(p);
        }
        return jars.isEmpty() ? null : jars;
    }

    /**
     * {@code PATHS-JARS}: a hash of the JDK and the path's text, then one of the
     * jars' sizes and times. A rebuilt jar keeps the first part, so its new
     * cache replaces the old one ({@link #removeSuperseded}).
     */
    private static String key(List<String> where, List<Path> jars) {
        String paths = System.getProperty("java.home") + '\n' + System.getProperty("java.vm.version") + '\n'
                + String.join("\n", where);
        StringBuilder k = new StringBuilder();
        for (Path jar : jars) {
            File f = jar.toFile();
            k.append(f.length()).append(' ').append(f.lastModified()).append('\n');
        }
        return Long.toHexString(fnv1a(paths)) + "-" + Long.toHexString(fnv1a(k.toString()));
    }

    /** Deletes the caches of earlier builds of the same jars (same first part of the name) but {@code kept}. */
    private static void removeSuperseded(Path kept) {
        String name = kept.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(kept.getParent(), prefix + "*.aot")) {
            for (Path p : ds) if (!p.equals(kept)) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: an old cache only takes room
        }
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Where caches live; null when no private place can be had (the helper then starts without one). */
    private static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path cache = xdg != null && xdg.startsWith("/") ? Path.of(xdg, "jstrace")
                : home != null && !home.isEmpty() && !home.equals("?") ? Path.of(home, ".cache", "jstrace") : null;
        if (cache != null && usable(cache)) return cache;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "jstrace-" + System.getProperty("user.name"));
        return usable(tmp) ? tmp : null;
    }

    /** Made (mode 0700) when absent; usable when this user's and writable by no one else. */
    private static boolean usable(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Called by a helper at the end of its life when it was told to make the
     * cache: runs the training JVM (this helper's own command, with
     * {@code -XX:AOTCacheOutput}) and moves the cache to its name once made.
     * The JVM that started this helper has gone, but whatever reads its output
     * (a build tool, a shell's {@code $(...)}) waits for the end of the
     * helper's copy of it, so that is let go first.
     */
    static void trainIfAsked() {
        String target = System.getProperty(TRAIN_PROPERTY);
        if (target == null) return;
        Path cache = Path.of(target);
        Path tmp = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        AtomicBoolean done = new AtomicBoolean();
        try {
            HelperTraining.detachOutput();
            if (Files.exists(cache)) return; // another helper made it meanwhile
            List<String> cmd = new ArrayList<>(ProcessHandle.current().info().arguments().map(List::of)
                    .orElse(List.of()));
            String java = ProcessHandle.current().info().command().orElse(null);
            if (java == null || cmd.isEmpty()) return;
            cmd.removeIf(a -> a.startsWith("-D" + TRAIN_PROPERTY + "="));
            cmd.add(0, java);
            cmd.add(1, "-XX:AOTCacheOutput=" + tmp);
            cmd.add(2, "-Xlog:aot=off");
            cmd.add(3, "-Xlog:cds=off");
            cmd.add(TRAIN_ARGUMENT);
            cmd.add(Long.toString(ProcessHandle.current().pid()));
            cmd.add(Integer.toString(HelperTraining.busyThread(done)));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if ("1".equals(HelperClient.yamaScope())) Libc.prctl(Libc.PR_SET_PTRACER, p.pid(), 0, 0, 0);
            if (p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(tmp) > 0) {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeSuperseded(cache);
            } else {
                p.destroyForcibly();
            }
        } catch (IOException | RuntimeException e) {
            // No cache this time: the next helper starts without one and tries again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.set(true);
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".config"));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}

package dev.jstrace.decode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code <char 1:3>} that {@code -yy} appends to a descriptor's path when the path
 * names a character or block device ({@code 3</dev/null<char 1:3>>}). strace 6.1 finds
 * it the same way: it stat(2)s the absolute path in its own mount namespace when it
 * prints the line, so this reads the file system, never the tracee.
 */
final class DeviceSuffix {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private DeviceSuffix() {}

    /** {@code char MAJOR:MINOR} or {@code block MAJOR:MINOR} when {@code path} is a device, else null. */
    static String of(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') return null;
        Map<String, Object> a;
        try {
            a = Files.readAttributes(Path.of(path), "unix:mode,rdev");
        } catch (Exception | LinkageError e) {
            // Gone, unreachable, not a valid path here ("socket:[N]", NULs), or no unix view: no suffix.
            return null;
        }
        if (!(a.get("mode") instanceof Integer mode) || !(a.get("rdev") instanceof Long rdev)) return null;
        String kind = switch (mode & S_IFMT) {
            case S_IFCHR -> "char";
            case S_IFBLK -> "block";
            default -> null;
        };
        if (kind == null) return null;
        return kind + " " + major(rdev) + ":" + minor(rdev);
    }

    /** glibc's gnu_dev_major: bits 8..19 and 32..63. */
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    /** glibc's gnu_dev_minor: bits 0..7 and 20..31. */
    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL & 0xffffffffL);
    }
}

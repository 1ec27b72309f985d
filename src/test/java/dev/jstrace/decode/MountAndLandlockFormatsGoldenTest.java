package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link MountFormats} and {@link LandlockFormats}: lines strace 6.1 printed for its own suite's
 * mount, fsopen, fsconfig, mount_setattr and landlock_* tests, through the real capture plan.
 */
@Tag("unit")
class MountAndLandlockFormatsGoldenTest {
    private static final Arch X = Arch.X86_64;
    private static final long EINVAL = -22, ENOENT = -2;

    private static DecoderGolden strings() {
        return new DecoderGolden().putString(0x1000, "mount_source").putString(0x2000, "mount_target")
                .putString(0x3000, "mount_fstype").putString(0x4000, "mount_data");
    }

    @Test
    void mountPrintsTheOldMagicAndSkipsWhatTheFlagsIgnore() {
        var g = strings();
        assertEquals("mount(\"mount_source\", \"mount_target\", \"mount_fstype\", MS_MGC_VAL|MS_RDONLY|MS_NOSUID"
                        + "|MS_NODEV|MS_NOEXEC, \"mount_data\") = -1 ENOENT (No such file or directory)",
                g.line(X, "mount", new long[] {0x1000, 0x2000, 0x3000, 0xc0ed000fL, 0x4000}, ENOENT));
        // MS_BIND: the type and the data are not read.
        assertEquals("mount(\"mount_source\", \"mount_target\", 0x3000, MS_BIND, 0x4000) = 0",
                g.line(X, "mount", new long[] {0x1000, 0x2000, 0x3000, 0x1000, 0x4000}, 0));
        assertEquals("mount(NULL, NULL, NULL, 0x200 /* MS_??? */, NULL) = -1 EINVAL (Invalid argument)",
                g.line(X, "mount", new long[] {0, 0, 0, 0x200, 0}, EINVAL));
    }

    @Test
    void newMountApi() {
        var g = strings();
        assertEquals("fsopen(NULL, 0x2 /* FSOPEN_??? */) = -1 EINVAL (Invalid argument)",
                g.line(X, "fsopen", new long[] {0, 0xdefaced00000002L}, EINVAL));
        assertEquals("fsconfig(-100, FSCONFIG_SET_PATH, \"mount_source\", \"mount_target\", AT_FDCWD) = -1 EINVAL"
                        + " (Invalid argument)",
                g.line(X, "fsconfig", new long[] {-100, 3, 0x1000, 0x2000, -100}, EINVAL));
        assertEquals("fsconfig(3, 0x8 /* FSCONFIG_??? */, 0x1000, 0x2000, -1) = -1 EINVAL (Invalid argument)",
                g.line(X, "fsconfig", new long[] {3, 8, 0x1000, 0x2000, -1}, EINVAL));
        assertEquals("open_tree(-1, \"mount_target\", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = -1 EINVAL"
                        + " (Invalid argument)",
                g.line(X, "open_tree", new long[] {-1, 0x2000, 0x88001}, EINVAL));
        ByteBuffer attr = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putLong(0x100001L).putLong(0)
                .putLong(1L << 18).putLong(5).putLong(0xfeedL);
        g.put(0x5000, attr.array());
        assertEquals("mount_setattr(AT_FDCWD, \"mount_target\", AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY"
                        + "|MOUNT_ATTR_IDMAP, attr_clr=0, propagation=MS_PRIVATE, userns_fd=5, /* bytes 32..39 */"
                        + " \"\\xed\\xfe\\x00\\x00\\x00\\x00\\x00\\x00\"}, 40) = -1 EINVAL (Invalid argument)",
                g.line(X, "mount_setattr", new long[] {-100, 0x2000, 0x8000, 0x5000, 40}, EINVAL));
    }

    @Test
    void landlock() {
        var g = new DecoderGolden().put(0x1000, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0x1L).putInt(-1).array());
        assertEquals("landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7",
                g.line(X, "landlock_create_ruleset", new long[] {0, 0, 0xd1efaced00000001L}, 7));
        assertEquals("landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, ...}, 16, 0) = 3",
                g.line(X, "landlock_create_ruleset", new long[] {0x1000, 16, 0}, 3));
        assertEquals("landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE,"
                        + " parent_fd=-1}, 0) = -1 EINVAL (Invalid argument)",
                g.line(X, "landlock_add_rule", new long[] {-1, 1, 0x1000, 0}, EINVAL));
        assertEquals("landlock_restrict_self(-1, 0xdeadbeef) = -1 EINVAL (Invalid argument)",
                g.line(X, "landlock_restrict_self", new long[] {-1, 0xdeadbeefL}, EINVAL));
    }
}

package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.proc.Snapshot;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * {@code struct statfs} for statfs and fstatfs as strace 6.1 prints it:
 * {@code {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_fsid={val=[0x273dc16e, 0x3bd981b]},
 * f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}}. The 64-bit layout (every
 * field a long but f_fsid's two ints) is the same on x86-64 and aarch64.
 */
final class StatfsDecoder extends StructDecoder {
    /** {@code struct statfs} on 64-bit Linux (glibc's and the kernel's agree): every word a long but f_fsid. */
    static final StructLayout LAYOUT = structLayout(JAVA_LONG.withName("f_type"), JAVA_LONG.withName("f_bsize"),
            JAVA_LONG.withName("f_blocks"), JAVA_LONG.withName("f_bfree"), JAVA_LONG.withName("f_bavail"),
            JAVA_LONG.withName("f_files"), JAVA_LONG.withName("f_ffree"),
            sequenceLayout(2, JAVA_INT).withName("f_fsid"), JAVA_LONG.withName("f_namelen"),
            JAVA_LONG.withName("f_frsize"), JAVA_LONG.withName("f_flags"),
            sequenceLayout(4, JAVA_LONG).withName("f_spare")).withName("struct statfs");
    private static final int TYPE = StructLayouts.offset(LAYOUT, "f_type"),
            BSIZE = StructLayouts.offset(LAYOUT, "f_bsize"), BLOCKS = StructLayouts.offset(LAYOUT, "f_blocks"),
            BFREE = StructLayouts.offset(LAYOUT, "f_bfree"), BAVAIL = StructLayouts.offset(LAYOUT, "f_bavail"),
            FILES = StructLayouts.offset(LAYOUT, "f_files"), FFREE = StructLayouts.offset(LAYOUT, "f_ffree"),
            FSID = StructLayouts.offset(LAYOUT, "f_fsid"), NAMELEN = StructLayouts.offset(LAYOUT, "f_namelen"),
            FRSIZE = StructLayouts.offset(LAYOUT, "f_frsize"), FLAGS_AT = StructLayouts.offset(LAYOUT, "f_flags");

    /** Filesystem magics (values of linux/magic.h) in strace's xlat/fsmagic.in, whose names it prints. */
    private static final ConstTable MAGIC = ConstTable.enumHex("???", """
            QNX4_SUPER_MAGIC Z3FOLD_MAGIC AUTOFS_SUPER_MAGIC DEVFS_SUPER_MAGIC
            EXT_SUPER_MAGIC MINIX_SUPER_MAGIC MINIX_SUPER_MAGIC2 DEVPTS_SUPER_MAGIC
            MINIX2_SUPER_MAGIC MINIX2_SUPER_MAGIC2 NILFS_SUPER_MAGIC HFS_SUPER_MAGIC
            HFSPLUS_SUPER_MAGIC MSDOS_SUPER_MAGIC MINIX3_SUPER_MAGIC SMB_SUPER_MAGIC
            NCP_SUPER_MAGIC EXOFS_SUPER_MAGIC NFS_SUPER_MAGIC ROMFS_MAGIC
            JFFS2_SUPER_MAGIC ISOFS_SUPER_MAGIC PROC_SUPER_MAGIC
            OPENPROM_SUPER_MAGIC USBDEVICE_SUPER_MAGIC ADFS_SUPER_MAGIC
            AFFS_SUPER_MAGIC EXT2_OLD_SUPER_MAGIC EXT2_SUPER_MAGIC
            ECRYPTFS_SUPER_MAGIC UFS_MAGIC CGROUP_SUPER_MAGIC EFS_SUPER_MAGIC
            HOSTFS_SUPER_MAGIC CEPH_SUPER_MAGIC TMPFS_MAGIC V9FS_MAGIC
            GFS2_MAGIC XIAFS_SUPER_MAGIC XENIX_SUPER_MAGIC
            SYSV4_SUPER_MAGIC SYSV2_SUPER_MAGIC COH_SUPER_MAGIC
            SHMFS_SUPER_MAGIC ANON_INODE_FS_MAGIC FUTEXFS_SUPER_MAGIC
             MTD_INODE_FS_MAGIC
            BALLOON_KVM_MAGIC UDF_SUPER_MAGIC BFS_MAGIC
            EXFAT_SUPER_MAGIC UBIFS_SUPER_MAGIC CRAMFS_MAGIC
            ZFS_SUPER_MAGIC JFS_SUPER_MAGIC BEFS_SUPER_MAGIC
            BINFMTFS_MAGIC SMACK_MAGIC DMA_BUF_MAGIC
            CRAMFS_MAGIC_WEND DEVMEM_MAGIC GPFS_SUPER_MAGIC
            PIPEFS_MAGIC REISERFS_SUPER_MAGIC
            SECRETMEM_MAGIC AFS_SUPER_MAGIC NTFS_SB_MAGIC
            SOCKFS_MAGIC UFS_CIGAM VZFS_SUPER_MAGIC STACK_END_MAGIC
            ZSMALLOC_MAGIC XFS_SUPER_MAGIC AAFS_MAGIC ZONEFS_MAGIC
            PSTOREFS_MAGIC AUFS_SUPER_MAGIC BDEVFS_MAGIC
            CONFIGFS_MAGIC SYSFS_MAGIC CGROUP2_SUPER_MAGIC
            DEBUGFS_MAGIC DAXFS_MAGIC FUSE_CTL_SUPER_MAGIC
            FUSE_SUPER_MAGIC QNX6_SUPER_MAGIC AFS_FS_MAGIC
            BINDERFS_SUPER_MAGIC NSFS_MAGIC SECURITYFS_MAGIC
            SQUASHFS_MAGIC BTRFS_TEST_MAGIC CODA_SUPER_MAGIC
            OCFS2_SUPER_MAGIC TRACEFS_MAGIC OVERLAYFS_SUPER_MAGIC
            RAMFS_MAGIC BTRFS_SUPER_MAGIC HUGETLBFS_MAGIC
            VXFS_SUPER_MAGIC XENFS_SUPER_MAGIC PPC_CMM_MAGIC
            LOGFS_MAGIC BPF_FS_MAGIC
            EFIVARFS_MAGIC EROFS_SUPER_MAGIC_V1 F2FS_SUPER_MAGIC
            SELINUX_MAGIC HPFS_SUPER_MAGIC SMB2_SUPER_MAGIC
            CIFS_SUPER_MAGIC""");
    /** strace's xlat/statfs_flags.in order: ST_VALID first. */
    private static final ConstTable FLAGS = ConstTable.flags("ST_???", """
            ST_VALID ST_RDONLY ST_NOSUID ST_NODEV ST_NOEXEC ST_SYNCHRONOUS
            ST_MANDLOCK ST_NOATIME ST_NODIRATIME ST_RELATIME ST_NOSYMFOLLOW""");

    StatfsDecoder() {
        super("#include <sys/statfs.h>\n", LAYOUT);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        DecodeOptions.Xlat x = c.opt.xlat();
        String fsid = "{val=[" + hex(MemoryView.s32(b, FSID)) + ", " + hex(MemoryView.s32(b, FSID + Integer.BYTES)) + "]}";
        return new Value.Struct(List.of(
                field("f_type", new Value.Text(MAGIC.render(MemoryView.u64(b, TYPE), x))),
                field("f_bsize", udec(b, BSIZE)), field("f_blocks", udec(b, BLOCKS)), field("f_bfree", udec(b, BFREE)),
                field("f_bavail", udec(b, BAVAIL)), field("f_files", udec(b, FILES)), field("f_ffree", udec(b, FFREE)),
                field("f_fsid", new Value.Text(fsid)), field("f_namelen", udec(b, NAMELEN)),
                field("f_frsize", udec(b, FRSIZE)),
                field("f_flags", new Value.Text(FLAGS.render(MemoryView.u64(b, FLAGS_AT), x)))), false);
    }

    private static Value.Field field(String name, Value v) {
        return new Value.Field(name, v);
    }

    private static Value udec(byte[] b, int off) {
        return new Value.Text(Long.toUnsignedString(MemoryView.u64(b, off)));
    }

    private static String hex(int v) {
        return v == 0 ? "0" : "0x" + Integer.toHexString(v);
    }
}

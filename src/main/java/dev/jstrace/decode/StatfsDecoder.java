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
            QNX4_SUPER_MAGIC=0x2f Z3FOLD_MAGIC=0x33 AUTOFS_SUPER_MAGIC=0x187 DEVFS_SUPER_MAGIC=0x1373
            EXT_SUPER_MAGIC=0x137d MINIX_SUPER_MAGIC=0x137f MINIX_SUPER_MAGIC2=0x138f DEVPTS_SUPER_MAGIC=0x1cd1
            MINIX2_SUPER_MAGIC=0x2468 MINIX2_SUPER_MAGIC2=0x2478 NILFS_SUPER_MAGIC=0x3434 HFS_SUPER_MAGIC=0x4244
            HFSPLUS_SUPER_MAGIC=0x482b MSDOS_SUPER_MAGIC=0x4d44 MINIX3_SUPER_MAGIC=0x4d5a SMB_SUPER_MAGIC=0x517b
            NCP_SUPER_MAGIC=0x564c EXOFS_SUPER_MAGIC=0x5df5 NFS_SUPER_MAGIC=0x6969 ROMFS_MAGIC=0x7275
            JFFS2_SUPER_MAGIC=0x72b6 ISOFS_SUPER_MAGIC=0x9660 PROC_SUPER_MAGIC=0x9fa0
            OPENPROM_SUPER_MAGIC=0x9fa1 USBDEVICE_SUPER_MAGIC=0x9fa2 ADFS_SUPER_MAGIC=0xadf5
            AFFS_SUPER_MAGIC=0xadff EXT2_OLD_SUPER_MAGIC=0xef51 EXT2_SUPER_MAGIC=0xef53
            ECRYPTFS_SUPER_MAGIC=0xf15f UFS_MAGIC=0x11954 CGROUP_SUPER_MAGIC=0x27e0eb EFS_SUPER_MAGIC=0x414a53
            HOSTFS_SUPER_MAGIC=0xc0ffee CEPH_SUPER_MAGIC=0xc36400 TMPFS_MAGIC=0x1021994 V9FS_MAGIC=0x1021997
            GFS2_MAGIC=0x1161970 XIAFS_SUPER_MAGIC=0x12fd16d XENIX_SUPER_MAGIC=0x12ff7b4
            SYSV4_SUPER_MAGIC=0x12ff7b5 SYSV2_SUPER_MAGIC=0x12ff7b6 COH_SUPER_MAGIC=0x12ff7b7
            SHMFS_SUPER_MAGIC=0x2011994 ANON_INODE_FS_MAGIC=0x9041934 FUTEXFS_SUPER_MAGIC=0xbad1dea
            LL_SUPER_MAGIC=0xbd00bd0 LUSTRE_SUPER_MAGIC=0xbd00bd1 MTD_INODE_FS_MAGIC=0x11307854
            BALLOON_KVM_MAGIC=0x13661366 UDF_SUPER_MAGIC=0x15013346 BFS_MAGIC=0x1badface
            EXFAT_SUPER_MAGIC=0x2011bab0 UBIFS_SUPER_MAGIC=0x24051905 CRAMFS_MAGIC=0x28cd3d45
            ZFS_SUPER_MAGIC=0x2fc12fc1 JFS_SUPER_MAGIC=0x3153464a BEFS_SUPER_MAGIC=0x42465331
            BINFMTFS_MAGIC=0x42494e4d SMACK_MAGIC=0x43415d53 DMA_BUF_MAGIC=0x444d4142
            CRAMFS_MAGIC_WEND=0x453dcd28 DEVMEM_MAGIC=0x454d444d GPFS_SUPER_MAGIC=0x47504653
            PID_FS_MAGIC=0x50494446 PIPEFS_MAGIC=0x50495045 REISERFS_SUPER_MAGIC=0x52654973
            SECRETMEM_MAGIC=0x5345434d AFS_SUPER_MAGIC=0x5346414f NTFS_SB_MAGIC=0x5346544e
            SOCKFS_MAGIC=0x534f434b UFS_CIGAM=0x54190100 VZFS_SUPER_MAGIC=0x565a4653 STACK_END_MAGIC=0x57ac6e9d
            ZSMALLOC_MAGIC=0x58295829 XFS_SUPER_MAGIC=0x58465342 AAFS_MAGIC=0x5a3c69f0 ZONEFS_MAGIC=0x5a4f4653
            PSTOREFS_MAGIC=0x6165676c AUFS_SUPER_MAGIC=0x61756673 BDEVFS_MAGIC=0x62646576
            CONFIGFS_MAGIC=0x62656570 SYSFS_MAGIC=0x62656572 CGROUP2_SUPER_MAGIC=0x63677270
            DEBUGFS_MAGIC=0x64626720 DAXFS_MAGIC=0x64646178 FUSE_CTL_SUPER_MAGIC=0x65735543
            FUSE_SUPER_MAGIC=0x65735546 QNX6_SUPER_MAGIC=0x68191122 AFS_FS_MAGIC=0x6b414653
            BINDERFS_SUPER_MAGIC=0x6c6f6f70 NSFS_MAGIC=0x6e736673 SECURITYFS_MAGIC=0x73636673
            SQUASHFS_MAGIC=0x73717368 BTRFS_TEST_MAGIC=0x73727279 CODA_SUPER_MAGIC=0x73757245
            OCFS2_SUPER_MAGIC=0x7461636f TRACEFS_MAGIC=0x74726163 OVERLAYFS_SUPER_MAGIC=0x794c7630
            RAMFS_MAGIC=0x858458f6 BTRFS_SUPER_MAGIC=0x9123683e HUGETLBFS_MAGIC=0x958458f6
            VXFS_SUPER_MAGIC=0xa501fcf5 XENFS_SUPER_MAGIC=0xabba1974 PPC_CMM_MAGIC=0xc7571590
            LOGFS_MAGIC=0xc97e8168 BCACHEFS_SUPER_MAGIC=0xca451a4e BPF_FS_MAGIC=0xcafe4a11
            EFIVARFS_MAGIC=0xde5e81e4 EROFS_SUPER_MAGIC_V1=0xe0f5e1e2 F2FS_SUPER_MAGIC=0xf2f52010
            SELINUX_MAGIC=0xf97cff8c HPFS_SUPER_MAGIC=0xf995e849 SMB2_SUPER_MAGIC=0xfe534d42
            CIFS_SUPER_MAGIC=0xff534d42""");
    /** strace's xlat/statfs_flags.in order: ST_VALID first. */
    private static final ConstTable FLAGS = ConstTable.flags("ST_???", """
            ST_VALID=0x20 ST_RDONLY=0x1 ST_NOSUID=0x2 ST_NODEV=0x4 ST_NOEXEC=0x8 ST_SYNCHRONOUS=0x10
            ST_MANDLOCK=0x40 ST_NOATIME=0x400 ST_NODIRATIME=0x800 ST_RELATIME=0x1000 ST_NOSYMFOLLOW=0x2000""");

    StatfsDecoder() {
        super("#include <sys/statfs.h>\n", LAYOUT);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        DecodeOptions.Xlat x = c.opt.xlat();
        String fsid = "{val=[" + hex(MemoryView.s32(b, FSID)) + ", " + hex(MemoryView.s32(b, FSID + 4)) + "]}";
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

import java.util.List;

/**
 * The constant groups of the device ioctl families (mtd, scsi generic's SG_IO headers, perf,
 * tee, kvm, device mapper, kd, v4l2), kept apart from {@link ConstantGroups} so that each
 * family's tables are one block; {@link ConstantGroups#all} appends them. Data only: the
 * decoders list the names in strace's print order (its src/xlat/*.in) and take the values
 * from here.
 */
final class DeviceIoctlConstantGroups {
    private DeviceIoctlConstantGroups() {}

    static final List<ConstantGroups.Group> ALL = List.of(
            // mtd/mtd-abi.h: the ops and file modes are enums, the rest #defines; one compiled group.
            new ConstantGroups.Group("MTD_VALUES", "mtd write modes, file modes, types, OTP modes, NAND ECC modes",
                    ConstantGroups.Source.COMPILED, "mtd/mtd-abi.h", "MTD_OPS_\\w+|MTD_FILE_MODE_\\w+"
                            + "|MTD_(ABSENT|RAM|ROM|NORFLASH|NANDFLASH|DATAFLASH|UBIVOLUME|MLCNANDFLASH)"
                            + "|MTD_OTP_(OFF|FACTORY|USER)|MTD_NANDECC_\\w+", null, false),
            new ConstantGroups.Group("MTD_FLAGS", "struct mtd_info_user flags", ConstantGroups.Source.KERNEL,
                    "mtd/mtd-abi.h", "MTD_(WRITEABLE|BIT_WRITEABLE|NO_ERASE|POWERUP_LOCK|SLC_ON_MLC_EMULATION)",
                    null, true),
            // SG_IO's sg_io_hdr (v3): glibc's scsi/sg.h; the flags it lacks are strace's sg_io_flags.
            new ConstantGroups.Group("SG_IO_DXFER_DIRECTIONS", "sg_io_hdr dxfer_direction values",
                    ConstantGroups.Source.GLIBC, "scsi/sg.h", "SG_DXFER_(NONE|TO_DEV|FROM_DEV|TO_FROM_DEV)",
                    null, false),
            new ConstantGroups.Group("SG_IO_FLAGS", "sg_io_hdr flags glibc's scsi/sg.h defines",
                    ConstantGroups.Source.GLIBC, "scsi/sg.h", "SG_FLAG_(DIRECT_IO|NO_DXFER)", null, true),
            new ConstantGroups.Group("STRACE_SG_IO_FLAGS", "sg_io_hdr flags only strace lists",
                    ConstantGroups.Source.STRACE, "sg_io_flags",
                    "SG_FLAG_UNUSED_LUN_INHIBIT|SG_FLAG_MMAP_IO|SG_FLAG_Q_AT_TAIL|SG_FLAG_Q_AT_HEAD", null, true),
            new ConstantGroups.Group("SG_IO_INFO", "sg_io_hdr/sg_io_v4 info bits", ConstantGroups.Source.GLIBC,
                    "scsi/sg.h", "SG_INFO_(CHECK|DIRECT_IO|MIXED_IO)", null, true),
            // SG_IO's sg_io_v4 (bsg).
            new ConstantGroups.Group("BSG_VALUES", "sg_io_v4 protocols and subprotocols",
                    ConstantGroups.Source.KERNEL, "linux/bsg.h", "BSG_(PROTOCOL|SUB_PROTOCOL)_\\w+", null, false),
            new ConstantGroups.Group("BSG_FLAGS", "sg_io_v4 flags", ConstantGroups.Source.KERNEL, "linux/bsg.h",
                    "BSG_FLAG_\\w+", null, true),
            // perf: enum perf_event_ioc_flags.
            new ConstantGroups.Group("PERF_IOC_FLAGS", "PERF_EVENT_IOC_ENABLE/DISABLE/RESET flags",
                    ConstantGroups.Source.COMPILED, "linux/perf_event.h", "PERF_IOC_FLAG_\\w+", null, true),
            // kvm: the capabilities and memory region flags are linux/kvm.h's on every arch.
            new ConstantGroups.Group("KVM_CAPS", "KVM_CHECK_EXTENSION capabilities", ConstantGroups.Source.KERNEL,
                    "linux/kvm.h", "KVM_CAP_\\w+", null, false),
            new ConstantGroups.Group("KVM_MEM_FLAGS", "kvm_userspace_memory_region flags", ConstantGroups.Source.KERNEL,
                    "linux/kvm.h", "KVM_MEM_(LOG_DIRTY_PAGES|READONLY)", null, true),
            // x86's asm/kvm.h alone defines the cpuid entry flags; strace names them on every arch.
            new ConstantGroups.Group("STRACE_KVM_CPUID_FLAGS", "kvm_cpuid_entry2 flags", ConstantGroups.Source.STRACE,
                    "kvm_cpuid_flags", "KVM_CPUID_FLAG_SIGNIFCANT_INDEX|KVM_CPUID_FLAG_STATEFUL_FUNC"
                            + "|KVM_CPUID_FLAG_STATE_READ_NEXT", null, true),
            // device mapper: dm_ioctl flags and the ABI major version.
            new ConstantGroups.Group("DM_FLAGS", "struct dm_ioctl flags", ConstantGroups.Source.KERNEL,
                    "linux/dm-ioctl.h", "DM_\\w+_FLAG|DM_DEFERRED_REMOVE", null, true),
            new ConstantGroups.Group("DM_VERSIONS", "the device mapper ABI version", ConstantGroups.Source.KERNEL,
                    "linux/dm-ioctl.h", "DM_VERSION_(MAJOR|MINOR|PATCHLEVEL)", null, false),
            // v4l2.
            new ConstantGroups.Group("V4L2_INPUT_TYPES", "struct v4l2_input type values", ConstantGroups.Source.KERNEL,
                    "linux/videodev2.h", "V4L2_INPUT_TYPE_\\w+", null, false));
}

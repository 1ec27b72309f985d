import java.util.List;

/**
 * The constant groups of the media and storage ioctl families (hdio, nbd, loop, block),
 * kept apart from {@link ConstantGroups} and {@link IoctlConstantGroups} so that each
 * family's tables are one block; {@link ConstantGroups#all} appends them. Data only: the
 * decoders list the names in strace's print order (its src/xlat/*.in) and take the values
 * from here.
 */
final class StorageIoctlConstantGroups {
    private StorageIoctlConstantGroups() {}

    static final List<ConstantGroups.Group> ALL = List.of(
            // hdio: the bus states are an enum; the nice values are bit numbers (strace prints 1 << NAME).
            new ConstantGroups.Group("HDIO_BUSSTATES", "HDIO_GET/SET_BUSSTATE values", ConstantGroups.Source.COMPILED,
                    "linux/hdreg.h", "BUSSTATE_(OFF|ON|TRISTATE)", null, false),
            new ConstantGroups.Group("HDIO_NICE_BITS", "HDIO_GET/SET_NICE bit numbers (IDE_NICE_*)",
                    ConstantGroups.Source.KERNEL, "linux/hdreg.h", "IDE_NICE_\\w+", null, false),
            // The ATA command set is libata's (linux/ata.h is kernel-internal): strace's list.
            new ConstantGroups.Group("STRACE_ATA_COMMANDS", "HDIO_DRIVE_CMD commands (ATA_CMD_*)",
                    ConstantGroups.Source.STRACE, "hdio_drive_cmds",
                    "ATA_CMD_NOP|ATA_CMD_CFA_REQ_EXT_ERR|ATA_CMD_DSM|ATA_CMD_DEV_RESET|ATA_CMD_REQ_SENSE_DATA|"
                            + "ATA_CMD_RESTORE|ATA_CMD_PIO_READ|ATA_CMD_READ_LONG|ATA_CMD_READ_LONG_ONCE|"
                            + "ATA_CMD_PIO_READ_EXT|ATA_CMD_READ_EXT|ATA_CMD_READ_QUEUED|ATA_CMD_READ_NATIVE_MAX_EXT|"
                            + "ATA_CMD_READ_MULTI_EXT|ATA_CMD_READ_STREAM_DMA_EXT|ATA_CMD_READ_STREAM_EXT|"
                            + "ATA_CMD_READ_LOG_EXT|ATA_CMD_PIO_WRITE|ATA_CMD_WRITE_LONG|ATA_CMD_WRITE_LONG_ONCE|"
                            + "ATA_CMD_PIO_WRITE_EXT|ATA_CMD_WRITE_EXT|ATA_CMD_WRITE_QUEUED|ATA_CMD_SET_MAX_EXT|"
                            + "ATA_CMD_CFA_WRITE_NE|ATA_CMD_WRITE_MULTI_EXT|ATA_CMD_WRITE_STREAM_DMA_EXT|"
                            + "ATA_CMD_WRITE_STREAM_EXT|ATA_CMD_WRITE_FUA_EXT|ATA_CMD_WRITE_QUEUED_FUA_EXT|"
                            + "ATA_CMD_WRITE_LOG_EXT|ATA_CMD_VERIFY|ATA_CMD_VERIFY_EXT|ATA_CMD_WRITE_UNCORR_EXT|"
                            + "ATA_CMD_READ_LOG_DMA_EXT|ATA_CMD_ZAC_MGMT_IN|ATA_CMD_CONFIG_STREAM|"
                            + "ATA_CMD_WRITE_LOG_DMA_EXT|ATA_CMD_TRUSTED_NONDATA|ATA_CMD_TRUSTED_RCV|"
                            + "ATA_CMD_TRUSTED_RCV_DMA|ATA_CMD_TRUSTED_SND|ATA_CMD_TRUSTED_SND_DMA|ATA_CMD_FPDMA_READ|"
                            + "ATA_CMD_FPDMA_WRITE|ATA_CMD_NCQ_NON_DATA|ATA_CMD_FPDMA_SEND|ATA_CMD_FPDMA_RECV|"
                            + "ATA_CMD_CFA_TRANS_SECT|ATA_CMD_EDD|ATA_CMD_INIT_DEV_PARAMS|ATA_CMD_DOWNLOAD_MICRO|"
                            + "ATA_CMD_DOWNLOAD_MICRO_DMA|ATA_CMD_ZAC_MGMT_OUT|ATA_CMD_PACKET|ATA_CMD_ID_ATAPI|"
                            + "ATA_CMD_SERVICE|ATA_CMD_SMART|ATA_CMD_CONF_OVERLAY|ATA_CMD_SANITIZE_DEVICE|"
                            + "ATA_CMD_CFA_ERASE|ATA_CMD_READ_MULTI|ATA_CMD_WRITE_MULTI|ATA_CMD_SET_MULTI|ATA_CMD_READ|"
                            + "ATA_CMD_WRITE|ATA_CMD_CFA_WRITE_MULT_NE|ATA_CMD_WRITE_MULTI_FUA_EXT|"
                            + "ATA_CMD_CHK_MED_CRD_TYP|ATA_CMD_MEDIA_LOCK|ATA_CMD_MEDIA_UNLOCK|ATA_CMD_STANDBYNOW1|"
                            + "ATA_CMD_IDLEIMMEDIATE|ATA_CMD_STANDBY|ATA_CMD_IDLE|ATA_CMD_PMP_READ|ATA_CMD_CHK_POWER|"
                            + "ATA_CMD_SLEEP|ATA_CMD_FLUSH|ATA_CMD_PMP_WRITE|ATA_CMD_PMP_READ_DMA|ATA_CMD_FLUSH_EXT|"
                            + "ATA_CMD_PMP_WRITE_DMA|ATA_CMD_ID_ATA|ATA_CMD_SET_FEATURES|ATA_CMD_SEC_SET_PASS|"
                            + "ATA_CMD_SEC_UNLOCK|ATA_CMD_SEC_ERASE_PREP|ATA_CMD_SEC_ERASE_UNIT|ATA_CMD_SEC_FREEZE_LOCK|"
                            + "ATA_CMD_SEC_DISABLE_PASS|ATA_CMD_READ_NATIVE_MAX|ATA_CMD_SET_MAX", null, false),
            new ConstantGroups.Group("NBD_FLAGS", "NBD_SET_FLAGS bits linux/nbd.h defines",
                    ConstantGroups.Source.KERNEL, "linux/nbd.h", "NBD_FLAG_\\w+", null, true),
            // The protocol's flags nbd-server passes through; linux/nbd.h lacks them.
            new ConstantGroups.Group("STRACE_NBD_FLAGS", "NBD_SET_FLAGS bits only strace lists",
                    ConstantGroups.Source.STRACE, "nbd_ioctl_flags",
                    "NBD_FLAG_ROTATIONAL|NBD_FLAG_SEND_WRITE_ZEROES|NBD_FLAG_SEND_DF|NBD_FLAG_SEND_RESIZE"
                            + "|NBD_FLAG_SEND_CACHE", null, true),
            new ConstantGroups.Group("LOOP_FLAGS", "loop_info lo_flags bits (an enum)", ConstantGroups.Source.COMPILED,
                    "linux/loop.h", "LO_FLAGS_(READ_ONLY|AUTOCLEAR|PARTSCAN|DIRECT_IO)", null, true),
            // Removed from linux/loop.h in 3.2; strace still names it.
            new ConstantGroups.Group("STRACE_LOOP_FLAGS", "loop_info lo_flags bits only strace lists",
                    ConstantGroups.Source.STRACE, "loop_flags_options", "LO_FLAGS_USE_AOPS", null, true),
            new ConstantGroups.Group("LOOP_CRYPT_TYPES", "loop_info lo_encrypt_type values",
                    ConstantGroups.Source.KERNEL, "linux/loop.h", "LO_CRYPT_\\w+", null, false),
            new ConstantGroups.Group("BLKPG_OPS", "struct blkpg_ioctl_arg op values", ConstantGroups.Source.KERNEL,
                    "linux/blkpg.h", "BLKPG_(ADD|DEL|RESIZE)_PARTITION", null, false),
            // ubi: enums of mtd/ubi-user.h.
            new ConstantGroups.Group("UBI_VALUES", "ubi volume types, volume flags and properties",
                    ConstantGroups.Source.COMPILED, "mtd/ubi-user.h", "UBI_(DYNAMIC|STATIC)_VOLUME"
                            + "|UBI_VOL_SKIP_CRC_CHECK_FLG|UBI_VOL_PROP_DIRECT_WRITE", null, false),
            // The data type hints left mtd/ubi-user.h; strace's xlat keeps them.
            new ConstantGroups.Group("STRACE_UBI_DATA_TYPES", "ubi leb data types", ConstantGroups.Source.STRACE,
                    "ubi_data_types", "UBI_LONGTERM|UBI_SHORTTERM|UBI_UNKNOWN", null, false),
            new ConstantGroups.Group("SG_SCSI_RESETS", "SG_SCSI_RESET values glibc's scsi/sg.h defines",
                    ConstantGroups.Source.GLIBC, "scsi/sg.h", "SG_SCSI_RESET_\\w+", null, false),
            // Newer than glibc's copy of the sg header.
            new ConstantGroups.Group("STRACE_SG_SCSI_RESETS", "SG_SCSI_RESET values only strace lists",
                    ConstantGroups.Source.STRACE, "sg_scsi_reset", "SG_SCSI_RESET_TARGET|SG_SCSI_RESET_NO_ESCALATE",
                    null, false));
}

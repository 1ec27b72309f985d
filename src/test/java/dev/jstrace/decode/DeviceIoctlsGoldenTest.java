package dev.jstrace.decode;

import static dev.jstrace.decode.IoctlFamilyGoldenTest.ioctl;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The device ioctl families (mtd, SG_IO's headers, ...) as strace 6.1 prints them; the expected
 * lines are those of strace 6.1's own suite (ioctl_mtd, ioctl_sg_io_v3, ...), with their values.
 */
@Tag("unit")
class DeviceIoctlsGoldenTest {
    private static final long BADF = -9;
    private static final DecodeOptions ABBREV = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.ABBREV, 0,
            Set.of());

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void mtdStructsAndTheMixerAlias() {
        byte[] erase = le(8).putInt(0x83828180).putInt(0x87868584).array();
        assertEquals("ioctl(-1, MIXER_WRITE(2) or MEMERASE, {start=0x83828180, length=0x87868584}) = -1 EBADF"
                + " (Bad file descriptor)", ioctl(ABBREV, IoctlRequests.code("MEMERASE"), 0x1000, bytes(0x1000, erase),
                BADF, Snapshot.EMPTY));
        assertEquals("ioctl(-1, MIXER_READ(13) or OTPSELECT, [MTD_OTP_OFF]) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("OTPSELECT"), 0x1000, bytes(0x1000, new byte[4]), BADF,
                        Snapshot.EMPTY));
        assertEquals("ioctl(-1, MIXER_READ(17) or ECCGETLAYOUT, NULL) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("ECCGETLAYOUT"), 0, Snapshot.EMPTY, BADF, Snapshot.EMPTY));
        byte[] region = le(16).putInt(1).putInt(2).putInt(3).putInt(0x8f8e8d8c).array();
        assertEquals("ioctl(-1, MEMGETREGIONINFO, {regionindex=0x8f8e8d8c, offset=0x1, erasesize=0x2,"
                + " numblocks=0x3}) = 0", ioctl(ABBREV, IoctlRequests.code("MEMGETREGIONINFO"), 0x1000,
                bytes(0x1000, region), 0, bytes(0x1000, region)));
    }

    @Test
    void sgIoV3PrintsTheResponseReadAfterAFailedCall() {
        ByteBuffer h = le(88).putInt('S').putInt(-3).put((byte) 136).put((byte) 137).putShort((short) 0)
                .putInt(4).putLong(0x3000).putLong(0xfacefeedfffffff2L).putLong(0xfacefeedfffffff3L).putInt(5)
                .putInt(0x10000).putInt(0).putInt(0).putLong(0).put((byte) 0xc0).put((byte) 0xc1).put((byte) 0xc2)
                .put((byte) 0).putShort((short) 0xc5c4).putShort((short) 0xc7c6).putInt(1).putInt(7).putInt(1);
        Snapshot out = Snapshot.builder().add(new Snapshot.Region(0x1000, h.array(), true, true,
                Snapshot.Kind.BYTES)).add(new Snapshot.Region(0x3000, new byte[] {(byte) 0xd4, (byte) 0xd5, (byte) 0xd6},
                true, true, Snapshot.Kind.BYTES)).build();
        assertEquals("ioctl(-1, SG_IO, {interface_id='S', dxfer_direction=SG_DXFER_FROM_DEV, cmd_len=136,"
                + " cmdp=0xfacefeedfffffff2, mx_sb_len=137, iovec_count=0, dxfer_len=4, timeout=5,"
                + " flags=SG_FLAG_NO_DXFER, dxferp=\"\\xd4\\xd5\\xd6\", status=0xc0, masked_status=0xc1,"
                + " msg_status=0xc2, sb_len_wr=0, sbp=\"\", host_status=0xc5c4, driver_status=0xc7c6, resid=1,"
                + " duration=7, info=SG_INFO_CHECK}) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("SG_IO"), 0x1000, bytes(0x1000, h.array()), BADF, out));
        // Unreadable past the interface id: the address of the rest, as strace's umoven_or_printaddr.
        assertEquals("ioctl(-1, SG_IO, {interface_id='S', 0x1004}) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("SG_IO"), 0x1000, bytes(0x1000, le(4).putInt('S').array()), BADF,
                        Snapshot.EMPTY));
    }

    @Test
    void kvmCapabilitiesMemoryRegionsAndAbbreviatedRegisters() {
        assertEquals("ioctl(-1, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) = 1", ioctl(ABBREV,
                IoctlRequests.code("KVM_CHECK_EXTENSION"), 3, Snapshot.EMPTY, 1, Snapshot.EMPTY));
        byte[] region = le(32).putInt(0).putInt(0).putLong(0x1000).putLong(4096).putLong(0x7fcfdca8b000L).array();
        assertEquals("ioctl(-1, KVM_SET_USER_MEMORY_REGION, {slot=0, flags=0, guest_phys_addr=0x1000,"
                + " memory_size=4096, userspace_addr=0x7fcfdca8b000}) = 0", ioctl(ABBREV,
                IoctlRequests.code("KVM_SET_USER_MEMORY_REGION"), 0x1000, bytes(0x1000, region), 0, Snapshot.EMPTY));
        ByteBuffer regs = le(144).putLong(2);
        regs.putLong(16 * 8, 0x1000).putLong(17 * 8, 2);
        assertEquals("ioctl(-1, KVM_SET_REGS, {rax=0x2, ..., rsp=0, rbp=0, ..., rip=0x1000, rflags=0x2}) = 0",
                ioctl(ABBREV, IoctlRequests.code("KVM_SET_REGS"), 0x1000, bytes(0x1000, regs.array()), 0,
                        Snapshot.EMPTY));
        byte[] cpuid = le(8).putInt(59).array();
        assertEquals("ioctl(-1, KVM_GET_SUPPORTED_CPUID, {nent=59, entries=[...]}) = 0", ioctl(ABBREV,
                IoctlRequests.code("KVM_GET_SUPPORTED_CPUID"), 0x1000, Snapshot.EMPTY, 0, bytes(0x1000, cpuid)));
    }

    @Test
    void dmHeaderChecksTheVersionThenTheSize() {
        ByteBuffer h = le(312).putInt(4).putInt(1).putInt(2).putInt(14);
        assertEquals("ioctl(-1, DM_VERSION, [{version=[4, 1, 2], data_size=14 /* data_size too small */}]) = -1 EBADF"
                + " (Bad file descriptor)", ioctl(ABBREV, IoctlRequests.code("DM_VERSION"), 0x1000,
                bytes(0x1000, java.util.Arrays.copyOf(h.array(), 305)), BADF, Snapshot.EMPTY));
        h.putInt(12, 305).putLong(40, 0x1234).put(48, (byte) 'n').put(176, (byte) 'u').putInt(28, 2);
        assertEquals("ioctl(-1, DM_DEV_SUSPEND, [{version=[4, 1, 2], data_size=305, dev=makedev(0x12, 0x34),"
                + " name=\"n\", uuid=\"u\", flags=DM_SUSPEND_FLAG}]) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("DM_DEV_SUSPEND"), 0x1000,
                        bytes(0x1000, java.util.Arrays.copyOf(h.array(), 305)), BADF, Snapshot.EMPTY));
    }

    @Test
    void v4l2EnumInputAndOpenZfsNames() {
        byte[] input = le(80).putInt(0xb3b2b1b0).array();
        assertEquals("ioctl(-1, VIDIOC_ENUMINPUT, {index=3014832560}) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("VIDIOC_ENUMINPUT"), 0x1000, bytes(0x1000, input), BADF,
                        Snapshot.EMPTY));
        ByteBuffer out = le(80).putInt(1).put("cam".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.putInt(36, 2);
        assertEquals("ioctl(-1, VIDIOC_ENUMINPUT, {index=0, name=\"cam\", type=V4L2_INPUT_TYPE_CAMERA}) = 0",
                ioctl(ABBREV, IoctlRequests.code("VIDIOC_ENUMINPUT"), 0x1000, bytes(0x1000, le(80).array()), 0,
                        bytes(0x1000, out.array())));
        // strace's own src/ioctls_zfs.h names OpenZFS's requests.
        assertEquals("ioctl(-1, ZFS_IOC_POOL_CREATE, 0x1000) = -1 EBADF (Bad file descriptor)", ioctl(ABBREV,
                0x5a00, 0x1000, Snapshot.EMPTY, BADF, Snapshot.EMPTY));
    }
}

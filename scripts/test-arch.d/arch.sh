# Sourced by scripts/test-arch and its helpers: the per-architecture facts of
# the emulated machine (Debian's name for the architecture, the qemu binary and
# machine options, the console device, the cross compiler's prefix). Sets
# DEB_ARCH QEMU QEMU_MACHINE CONSOLE CROSS from $ARCH; fails on an unknown one.
case "$ARCH" in
  aarch64)
    DEB_ARCH=arm64
    QEMU=qemu-system-aarch64
    # cortex-a72: a plain ARMv8.0 core; "max" adds pointer authentication and
    # SVE, which TCG emulates at a high cost and which nothing here needs.
    QEMU_MACHINE=(-M virt -cpu cortex-a72)
    CONSOLE=ttyAMA0
    CROSS=aarch64-linux-gnu
    QEMU_PKG=qemu-system-arm
    ;;
  riscv64)
    DEB_ARCH=riscv64
    QEMU=qemu-system-riscv64
    QEMU_MACHINE=(-M virt -cpu rv64 -bios default)
    CONSOLE=ttyS0
    CROSS=riscv64-linux-gnu
    QEMU_PKG=qemu-system-misc  # its dependency qemu-system-data has the OpenSBI that -bios default loads
    ;;
  *) echo "test-arch: unknown architecture '$ARCH' (aarch64 or riscv64)" >&2; return 2 ;;
esac
CACHE=${JSTRACE_CACHE:-$HOME/.cache/jstrace}/$ARCH

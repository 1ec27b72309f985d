package dev.jstrace.proc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The machine code of the spawn stub, for each architecture, each
 * instruction beside its assembly. C equivalent:
 *
 * <pre>{@code
 * struct op { long nr; long args[6]; long flags; };   // 64 bytes, see SpawnOp
 *
 * long stub(const struct op *table, long count, long errfd) {
 *     long pid = raw_clone(SIGCHLD, 0, 0, 0, 0);        // plain fork semantics
 *     if (pid != 0) return pid;                         // parent: pid or -errno
 *     long prev = 0;
 *     for (; count != 0; table++, count--) {
 *         long a0 = (table->flags & 1) ? prev : table->args[0];
 *         prev = raw_syscall(table->nr, a0, table->args[1..5]);
 *         if ((unsigned long) prev >= -4095UL && !(table->flags & 2)) {
 *             *(int *) table = -prev;                   // the child's own copy of the table
 *             raw_write(errfd, table, 4);
 *             break;
 *         }
 *     }
 *     for (;;) raw_exit_group(127);
 * }
 * }</pre>
 *
 * <p>Why machine code: {@code fork()} called from Java hangs the child now and
 * then (it blocked on the JIT's compile-queue lock), because the child is a
 * one-thread copy of a many-thread JVM and any lock another thread held stays
 * held forever. This stub runs no Java and no libc in the child: only raw
 * syscalls, with every value kept in registers (the child never touches the
 * stack it inherited from the Java thread), so no lock can be in its way.
 *
 * <p>The listings were made with GNU as and objdump ({@code as}, {@code
 * aarch64-linux-gnu-as}, {@code riscv64-linux-gnu-as -march=rv64g}); the
 * aarch64 and riscv64 bytes are run under qemu-user by {@code
 * SpawnStubForeignArchTest}, the x86-64 bytes by every spawn, and each
 * architecture's by every spawn on a machine of it (scripts/test-arch).
 */
final class SpawnStubCode {
    private SpawnStubCode() {}

    /**
     * x86-64, System V: table in rdi, count in rsi, errfd in rdx. The child
     * keeps its state in rbx, r12-r14 (syscall clobbers only rax, rcx, r11);
     * those are callee-saved, so the parent pushes them before the clone and
     * pops them before returning.
     */
    private static final String[] X86_64 = {
        "53",                   // 00: push   rbx
        "41 54",                // 01: push   r12
        "41 55",                // 03: push   r13
        "41 56",                // 05: push   r14
        "48 89 fb",             // 07: mov    rbx,rdi            ; table
        "49 89 f4",             // 0a: mov    r12,rsi            ; count
        "49 89 d5",             // 0d: mov    r13,rdx            ; errfd
        "45 31 f6",             // 10: xor    r14d,r14d          ; previous result = 0
        "b8 38 00 00 00",       // 13: mov    eax,56             ; __NR_clone
        "bf 11 00 00 00",       // 18: mov    edi,17             ; flags = SIGCHLD
        "31 f6",                // 1d: xor    esi,esi            ; newsp = 0: share the (copied) stack
        "31 d2",                // 1f: xor    edx,edx            ; parent_tid
        "45 31 d2",             // 21: xor    r10d,r10d          ; child_tid
        "45 31 c0",             // 24: xor    r8d,r8d            ; tls
        "0f 05",                // 27: syscall
        "48 85 c0",             // 29: test   rax,rax
        "74 08",                // 2c: je     36 <next>          ; 0: we are the child
        "41 5e",                // 2e: pop    r14                ; parent: restore and return pid/-errno
        "41 5d",                // 30: pop    r13
        "41 5c",                // 32: pop    r12
        "5b",                   // 34: pop    rbx
        "c3",                   // 35: ret
        // next:
        "4d 85 e4",             // 36: test   r12,r12
        "74 56",                // 39: je     91 <exit>          ; table done: exit 127, nothing written
        "48 8b 7b 08",          // 3b: mov    rdi,[rbx+0x8]      ; args[0]
        "f6 43 38 01",          // 3f: test   BYTE PTR [rbx+0x38],0x1
        "74 03",                // 43: je     48 <args>
        "4c 89 f7",             // 45: mov    rdi,r14            ; flag 1: args[0] = previous result
        // args:
        "48 8b 73 10",          // 48: mov    rsi,[rbx+0x10]     ; args[1]
        "48 8b 53 18",          // 4c: mov    rdx,[rbx+0x18]     ; args[2]
        "4c 8b 53 20",          // 50: mov    r10,[rbx+0x20]     ; args[3]
        "4c 8b 43 28",          // 54: mov    r8,[rbx+0x28]      ; args[4]
        "4c 8b 4b 30",          // 58: mov    r9,[rbx+0x30]      ; args[5]
        "48 8b 03",             // 5c: mov    rax,[rbx]          ; nr
        "0f 05",                // 5f: syscall
        "49 89 c6",             // 61: mov    r14,rax
        "48 3d 01 f0 ff ff",    // 64: cmp    rax,-4095
        "72 06",                // 6a: jb     72 <ok>            ; unsigned below -4095: success
        "f6 43 38 02",          // 6c: test   BYTE PTR [rbx+0x38],0x2
        "74 09",                // 70: je     7b <fail>          ; flag 2 clear: the failure counts
        // ok:
        "48 83 c3 40",          // 72: add    rbx,0x40           ; next op
        "49 ff cc",             // 76: dec    r12
        "eb bb",                // 79: jmp    36 <next>
        // fail:
        "f7 d8",                // 7b: neg    eax                ; errno
        "89 03",                // 7d: mov    DWORD PTR [rbx],eax ; into the spent op, not the stack
        "b8 01 00 00 00",       // 7f: mov    eax,1              ; __NR_write
        "4c 89 ef",             // 84: mov    rdi,r13            ; errfd
        "48 89 de",             // 87: mov    rsi,rbx
        "ba 04 00 00 00",       // 8a: mov    edx,4
        "0f 05",                // 8f: syscall
        // exit:
        "b8 e7 00 00 00",       // 91: mov    eax,231            ; __NR_exit_group
        "bf 7f 00 00 00",       // 96: mov    edi,127
        "0f 05",                // 9b: syscall
        "eb f2",                // 9d: jmp    91 <exit>          ; never reached
    };

    /**
     * aarch64, AAPCS64: table in x0, count in x1, errfd in x2. The kernel
     * preserves every register but x0 across {@code svc}, so the child keeps
     * its state in the scratch registers x9-x13 and the parent has nothing
     * to save. Little-endian instruction words.
     */
    private static final int[] AARCH64 = {
        0xaa0003e9, // 00: mov  x9, x0               // table
        0xaa0103ea, // 04: mov  x10, x1              // count
        0xaa0203eb, // 08: mov  x11, x2              // errfd
        0xd280000c, // 0c: mov  x12, #0              // previous result
        0xd2801b88, // 10: mov  x8, #220             // __NR_clone
        0xd2800220, // 14: mov  x0, #17              // flags = SIGCHLD
        0xd2800001, // 18: mov  x1, #0               // newsp = 0: share the (copied) stack
        0xd2800002, // 1c: mov  x2, #0               // parent_tid
        0xd2800003, // 20: mov  x3, #0               // tls
        0xd2800004, // 24: mov  x4, #0               // child_tid
        0xd4000001, // 28: svc  #0
        0xb4000040, // 2c: cbz  x0, 34 <next>        // 0: we are the child
        0xd65f03c0, // 30: ret                       // parent: pid or -errno
        // next:
        0xb40002ea, // 34: cbz  x10, 90 <exit>       // table done: exit 127, nothing written
        0xf9401d2d, // 38: ldr  x13, [x9, #56]       // flags
        0xa9408520, // 3c: ldp  x0, x1, [x9, #8]     // args[0], args[1]
        0x3600004d, // 40: tbz  w13, #0, 48 <args>
        0xaa0c03e0, // 44: mov  x0, x12              // flag 1: args[0] = previous result
        // args:
        0xa9418d22, // 48: ldp  x2, x3, [x9, #24]    // args[2], args[3]
        0xa9429524, // 4c: ldp  x4, x5, [x9, #40]    // args[4], args[5]
        0xf9400128, // 50: ldr  x8, [x9]             // nr
        0xd4000001, // 54: svc  #0
        0xaa0003ec, // 58: mov  x12, x0
        0xb13ffc1f, // 5c: cmn  x0, #0xfff           // compare with -4095
        0x54000043, // 60: b.lo 68 <ok>              // unsigned below -4095: success
        0x3608008d, // 64: tbz  w13, #1, 74 <fail>   // flag 2 clear: the failure counts
        // ok:
        0x91010129, // 68: add  x9, x9, #64          // next op
        0xd100054a, // 6c: sub  x10, x10, #1
        0x17fffff1, // 70: b    34 <next>
        // fail:
        0x4b0003e0, // 74: neg  w0, w0               // errno
        0xb9000120, // 78: str  w0, [x9]             // into the spent op, not the stack
        0xaa0b03e0, // 7c: mov  x0, x11              // errfd
        0xaa0903e1, // 80: mov  x1, x9
        0xd2800082, // 84: mov  x2, #4
        0xd2800808, // 88: mov  x8, #64              // __NR_write
        0xd4000001, // 8c: svc  #0
        // exit:
        0xd2800fe0, // 90: mov  x0, #127
        0xd2800bc8, // 94: mov  x8, #94              // __NR_exit_group
        0xd4000001, // 98: svc  #0
        0x17fffffd, // 9c: b    90 <exit>            // never reached
    };

    /**
     * riscv64, LP64D: table in a0, count in a1, errfd in a2. The kernel
     * preserves every register but a0 across {@code ecall}, so the child
     * keeps its state in the temporaries t0-t5 and the parent has nothing to
     * save. Assembled without the compressed extension ({@code .option
     * norvc}, {@code -march=rv64g}): every instruction is one little-endian
     * 32-bit word.
     */
    private static final int[] RISCV64 = {
        0x00050293, // 00: mv    t0, a0              // table
        0x00058313, // 04: mv    t1, a1              // count
        0x00060393, // 08: mv    t2, a2              // errfd
        0x00000e13, // 0c: li    t3, 0               // previous result
        0x0dc00893, // 10: li    a7, 220             // __NR_clone
        0x01100513, // 14: li    a0, 17              // flags = SIGCHLD
        0x00000593, // 18: li    a1, 0               // newsp = 0: share the (copied) stack
        0x00000613, // 1c: li    a2, 0               // parent_tid
        0x00000693, // 20: li    a3, 0               // tls
        0x00000713, // 24: li    a4, 0               // child_tid
        0x00000073, // 28: ecall
        0x00050463, // 2c: beqz  a0, 34 <next>       // 0: we are the child
        0x00008067, // 30: ret                       // parent: pid or -errno
        // next:
        0x06030a63, // 34: beqz  t1, a8 <exit>       // table done: exit 127, nothing written
        0x0382be83, // 38: ld    t4, 56(t0)          // flags
        0x0082b503, // 3c: ld    a0, 8(t0)           // args[0]
        0x001eff13, // 40: andi  t5, t4, 1
        0x000f0463, // 44: beqz  t5, 4c <args>
        0x000e0513, // 48: mv    a0, t3              // flag 1: args[0] = previous result
        // args:
        0x0102b583, // 4c: ld    a1, 16(t0)          // args[1]
        0x0182b603, // 50: ld    a2, 24(t0)          // args[2]
        0x0202b683, // 54: ld    a3, 32(t0)          // args[3]
        0x0282b703, // 58: ld    a4, 40(t0)          // args[4]
        0x0302b783, // 5c: ld    a5, 48(t0)          // args[5]
        0x0002b883, // 60: ld    a7, 0(t0)           // nr
        0x00000073, // 64: ecall
        0x00050e13, // 68: mv    t3, a0
        0xffffff37, // 6c: lui   t5, 0xfffff         // t5 = -4095 (li t5, -4095)
        0x001f0f1b, // 70: addiw t5, t5, 1
        0x01e56663, // 74: bltu  a0, t5, 80 <ok>     // unsigned below -4095: success
        0x002eff13, // 78: andi  t5, t4, 2
        0x000f0863, // 7c: beqz  t5, 8c <fail>       // flag 2 clear: the failure counts
        // ok:
        0x04028293, // 80: addi  t0, t0, 64          // next op
        0xfff30313, // 84: addi  t1, t1, -1
        0xfadff06f, // 88: j     34 <next>
        // fail:
        0x40a0053b, // 8c: negw  a0, a0              // errno
        0x00a2a023, // 90: sw    a0, 0(t0)           // into the spent op, not the stack
        0x00038513, // 94: mv    a0, t2              // errfd
        0x00028593, // 98: mv    a1, t0
        0x00400613, // 9c: li    a2, 4
        0x04000893, // a0: li    a7, 64              // __NR_write
        0x00000073, // a4: ecall
        // exit:
        0x07f00513, // a8: li    a0, 127
        0x05e00893, // ac: li    a7, 94              // __NR_exit_group
        0x00000073, // b0: ecall
        0xff5ff06f, // b4: j     a8 <exit>           // never reached
    };

    /** The x86-64 stub's bytes. */
    static byte[] x86_64() {
        return HexFormat.ofDelimiter(" ").parseHex(String.join(" ", X86_64));
    }

    /** The aarch64 stub's bytes (instruction words stored little-endian). */
    static byte[] aarch64() {
        return littleEndian(AARCH64);
    }

    /** The riscv64 stub's bytes (instruction words stored little-endian). */
    static byte[] riscv64() {
        return littleEndian(RISCV64);
    }

    private static byte[] littleEndian(int[] words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : words) b.putInt(word);
        return b.array();
    }
}

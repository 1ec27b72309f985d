package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The KVM (0xae) requests as strace 6.1's src/kvm.c prints them: KVM_CHECK_EXTENSION's
 * capability, KVM_CREATE_VCPU's id, kvm_userspace_memory_region, and on x86-64 (arch_kvm.c)
 * kvm_regs, kvm_sregs and kvm_cpuid2 (abbreviated unless {@code -v}); KVM_CREATE_VM and
 * KVM_CREATE_VCPU return a descriptor, printed with its path under {@code -y}. strace's
 * {@code -e kvm=vcpu} exit reasons are not decoded.
 */
final class KvmIoctls extends DeclaredIoctls {
    /** The structs (a class of their own, read by the constructor whatever the initialisation order). */
    static final class Layouts {
        private Layouts() {}

        static final StructLayout MEMORY_REGION = structLayout(JAVA_INT.withName("slot"), JAVA_INT.withName("flags"),
                JAVA_LONG.withName("guest_phys_addr"), JAVA_LONG.withName("memory_size"),
                JAVA_LONG.withName("userspace_addr")).withName("struct kvm_userspace_memory_region");
        /** x86-64's {@code struct kvm_regs} (asm/kvm.h). */
        static final StructLayout REGS = structLayout(JAVA_LONG.withName("rax"), JAVA_LONG.withName("rbx"),
                JAVA_LONG.withName("rcx"), JAVA_LONG.withName("rdx"), JAVA_LONG.withName("rsi"), JAVA_LONG.withName("rdi"),
                JAVA_LONG.withName("rsp"), JAVA_LONG.withName("rbp"), JAVA_LONG.withName("r8"), JAVA_LONG.withName("r9"),
                JAVA_LONG.withName("r10"), JAVA_LONG.withName("r11"), JAVA_LONG.withName("r12"), JAVA_LONG.withName("r13"),
                JAVA_LONG.withName("r14"), JAVA_LONG.withName("r15"), JAVA_LONG.withName("rip"),
                JAVA_LONG.withName("rflags")).withName("struct kvm_regs");
        static final StructLayout SEGMENT = structLayout(JAVA_LONG.withName("base"), JAVA_INT.withName("limit"),
                JAVA_SHORT.withName("selector"), JAVA_BYTE.withName("type"), JAVA_BYTE.withName("present"),
                JAVA_BYTE.withName("dpl"), JAVA_BYTE.withName("db"), JAVA_BYTE.withName("s"), JAVA_BYTE.withName("l"),
                JAVA_BYTE.withName("g"), JAVA_BYTE.withName("avl"), JAVA_BYTE.withName("unusable"),
                JAVA_BYTE.withName("padding")).withName("struct kvm_segment");
        static final StructLayout DTABLE = structLayout(JAVA_LONG.withName("base"), JAVA_SHORT.withName("limit"),
                sequenceLayout(3, JAVA_SHORT).withName("padding")).withName("struct kvm_dtable");
        static final StructLayout SREGS = structLayout(SEGMENT.withName("cs"), SEGMENT.withName("ds"),
                SEGMENT.withName("es"), SEGMENT.withName("fs"), SEGMENT.withName("gs"), SEGMENT.withName("ss"),
                SEGMENT.withName("tr"), SEGMENT.withName("ldt"), DTABLE.withName("gdt"), DTABLE.withName("idt"),
                JAVA_LONG.withName("cr0"), JAVA_LONG.withName("cr2"), JAVA_LONG.withName("cr3"), JAVA_LONG.withName("cr4"),
                JAVA_LONG.withName("cr8"), JAVA_LONG.withName("efer"), JAVA_LONG.withName("apic_base"),
                sequenceLayout(4, JAVA_LONG).withName("interrupt_bitmap")).withName("struct kvm_sregs");
        static final StructLayout CPUID2 = structLayout(JAVA_INT.withName("nent"), JAVA_INT.withName("padding"))
                .withName("struct kvm_cpuid2");
        static final StructLayout CPUID_ENTRY2 = structLayout(JAVA_INT.withName("function"), JAVA_INT.withName("index"),
                JAVA_INT.withName("flags"), JAVA_INT.withName("eax"), JAVA_INT.withName("ebx"), JAVA_INT.withName("ecx"),
                JAVA_INT.withName("edx"), sequenceLayout(3, JAVA_INT).withName("padding"))
                .withName("struct kvm_cpuid_entry2");

        /** x86-64's asm/kvm.h, by its path: every arch's compiler checks the x86 structs against it. */
        private static final String X86_KVM_H = "#include <linux/types.h>\n"
                + "#include \"/usr/include/x86_64-linux-gnu/asm/kvm.h\"\n";

        /**
         * The layouts with their headers: the memory region is linux/kvm.h's on every arch; the
         * register and cpuid structs are x86-64's (decoded only for an x86-64 tracee).
         */
        static final List<CallStructLayouts.Declared> ALL = List.of(
                new CallStructLayouts.Declared(MEMORY_REGION, "#include <linux/kvm.h>\n"),
                new CallStructLayouts.Declared(REGS, X86_KVM_H), new CallStructLayouts.Declared(SREGS, X86_KVM_H),
                new CallStructLayouts.Declared(CPUID2, X86_KVM_H),
                new CallStructLayouts.Declared(CPUID_ENTRY2, X86_KVM_H));
    }

    /** src/xlat/kvm_cap.in (value-indexed): every KVM_CAP_ linux/kvm.h defines. */
    private static final java.util.Map<Arch, ConstTable> CAPS = new java.util.EnumMap<>(Arch.class);

    static {
        for (Arch arch : Arch.values()) {
            CAPS.put(arch, ConstTable.enumHex(arch, "KVM_CAP_???", String.join(" ", java.util.Arrays.stream(
                    dev.jstrace.arch.gen.Constants.KVM_CAPS.of(arch)).map(n -> n.name()).toList())));
        }
    }

    static final ConstTable MEM_FLAGS = ConstTable.flags("KVM_MEM_???", "KVM_MEM_LOG_DIRTY_PAGES KVM_MEM_READONLY");
    static final ConstTable CPUID_FLAGS = ConstTable.flags("KVM_CPUID_FLAG_???", "KVM_CPUID_FLAG_SIGNIFCANT_INDEX"
            + " KVM_CPUID_FLAG_STATEFUL_FUNC KVM_CPUID_FLAG_STATE_READ_NEXT");

    private static final long CREATE_VM = IoctlRequests.required("KVM_CREATE_VM"),
            CREATE_VCPU = IoctlRequests.required("KVM_CREATE_VCPU"), GET_REGS = IoctlRequests.required("KVM_GET_REGS"),
            SET_REGS = IoctlRequests.required("KVM_SET_REGS"), GET_SREGS = IoctlRequests.required("KVM_GET_SREGS"),
            SET_SREGS = IoctlRequests.required("KVM_SET_SREGS"), SET_CPUID2 = IoctlRequests.required("KVM_SET_CPUID2"),
            GET_SUPPORTED_CPUID = IoctlRequests.required("KVM_GET_SUPPORTED_CPUID"),
            GET_EMULATED_CPUID = IoctlRequests.required("KVM_GET_EMULATED_CPUID");
    private static final int CPUID2 = StructLayouts.size(Layouts.CPUID2),
            ENTRY = StructLayouts.size(Layouts.CPUID_ENTRY2);

    KvmIoctls() {
        value("KVM_CHECK_EXTENSION", (c, a) -> CAPS.get(c.arch).sym(a));
        value("KVM_CREATE_VCPU", (c, a) -> u(a & 0xffffffffL));
        entry("KVM_SET_USER_MEMORY_REGION", StructLayouts.size(Layouts.MEMORY_REGION), (c, b, a) -> {
            var l = Layouts.MEMORY_REGION;
            return new Value.Struct(List.of(f("slot", u(Member.of(l, "slot").u(b))),
                    f("flags", MEM_FLAGS.sym(Member.of(l, "flags").u(b))),
                    f("guest_phys_addr", x(Member.of(l, "guest_phys_addr").u(b))),
                    f("memory_size", u(Member.of(l, "memory_size").u(b))),
                    f("userspace_addr", x(Member.of(l, "userspace_addr").u(b)))), false);
        });
        entry("KVM_SET_REGS", StructLayouts.size(Layouts.REGS), KvmIoctls::regs);
        exit("KVM_GET_REGS", StructLayouts.size(Layouts.REGS), KvmIoctls::regs);
        entry("KVM_SET_SREGS", StructLayouts.size(Layouts.SREGS), KvmIoctls::sregs);
        exit("KVM_GET_SREGS", StructLayouts.size(Layouts.SREGS), KvmIoctls::sregs);
        entry("KVM_SET_CPUID2", CPUID2, KvmIoctls::cpuid2);
        exit("KVM_GET_SUPPORTED_CPUID KVM_GET_EMULATED_CPUID", CPUID2, KvmIoctls::cpuid2);
        value("KVM_CREATE_VM KVM_RUN KVM_GET_VCPU_MMAP_SIZE KVM_GET_API_VERSION", (c, a) -> x(a));
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return Layouts.ALL;
    }

    private static boolean cpuid(long req) {
        return req == SET_CPUID2 || req == GET_SUPPORTED_CPUID || req == GET_EMULATED_CPUID;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (req == SET_CPUID2) cpuidCapture(arg, mem, opt);
        else super.captureEntry(req, arg, mem, opt);
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if ((req == CREATE_VM || req == CREATE_VCPU) && opt.capturesFdPaths()) mem.fdPath((int) rval);
        else if (req == GET_SUPPORTED_CPUID || req == GET_EMULATED_CPUID) cpuidCapture(arg, mem, opt);
        else super.captureExit(req, arg, rval, mem, opt);
    }

    /** The header and, under {@code -v}, the entries (print_array's limit applies) in one read. */
    private static void cpuidCapture(long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        Snapshot.Region r = mem.bytes(arg, CPUID2);
        if (!opt.verbose() || !r.readable() || r.data().length < CPUID2) return;
        long n = ArrayDecoder.captureCount(opt, MemoryView.u32(r.data(), 0));
        if (n > 0) mem.bytes(arg + CPUID2, (int) (n * ENTRY));
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (!c.arch.kvmHasX86Registers() && (cpuid(req) || req == GET_REGS || req == SET_REGS || req == GET_SREGS || req == SET_SREGS)) {
            return x(a);
        }
        return super.arg(c, req, a);
    }

    @Override
    public String result(CallContext c, long req) {
        if (req != CREATE_VM && req != CREATE_VCPU) return null;
        return c.text(c.fdAtExit((int) c.rval));
    }

    private static Value cpuid2(CallContext c, byte[] b, long a) {
        long n = Member.of(Layouts.CPUID2, "nent").u(b);
        Value entries;
        if (!c.opt.verbose()) {
            entries = new Value.Array(List.of(), n != 0);
        } else {
            // KVM_SET_CPUID2's entries were read at entry, the getters' after the call.
            Snapshot mem = c.out.find(a + CPUID2, Snapshot.Kind.BYTES) != null ? c.out : c.in;
            entries = ArrayDecoder.decode(c, mem, a + CPUID2, n, ENTRY, (e, off) -> {
                var l = Layouts.CPUID_ENTRY2;
                List<Value.Field> fs = new ArrayList<>(7);
                fs.add(f("function", x(Member.of(l, "function").u(e, off))));
                fs.add(f("index", x(Member.of(l, "index").u(e, off))));
                fs.add(f("flags", CPUID_FLAGS.sym(Member.of(l, "flags").u(e, off))));
                for (String r : List.of("eax", "ebx", "ecx", "edx")) fs.add(f(r, x(Member.of(l, r).u(e, off))));
                return new Value.Struct(fs, false);
            });
        }
        return new Value.Struct(List.of(f("nent", u(n)), f("entries", entries)), false);
    }

    private static Value regs(CallContext c, byte[] b, long a) {
        List<Value.Field> fs = new ArrayList<>(18);
        boolean all = c.opt.verbose();
        reg(fs, b, "rax");
        if (all) for (String r : List.of("rbx", "rcx", "rdx", "rsi", "rdi")) reg(fs, b, r);
        else fs.add(new Value.Field(null, new Value.Text("...")));
        reg(fs, b, "rsp");
        reg(fs, b, "rbp");
        if (all) for (int i = 8; i <= 15; i++) reg(fs, b, "r" + i);
        else fs.add(new Value.Field(null, new Value.Text("...")));
        reg(fs, b, "rip");
        reg(fs, b, "rflags");
        return new Value.Struct(fs, false);
    }

    private static void reg(List<Value.Field> fs, byte[] b, String name) {
        fs.add(f(name, x(Member.of(Layouts.REGS, name).u(b))));
    }

    private static Value segment(byte[] b, String seg) {
        var l = Layouts.SREGS;
        List<Value.Field> fs = new ArrayList<>(11);
        fs.add(f("base", x(Member.of(l, seg + ".base").u(b))));
        for (String n : List.of("limit", "selector", "type", "present", "dpl", "db", "s", "l", "g", "avl")) {
            fs.add(f(n, u(Member.of(l, seg + "." + n).u(b))));
        }
        return new Value.Struct(fs, false);
    }

    private static Value sregs(CallContext c, byte[] b, long a) {
        var l = Layouts.SREGS;
        List<Value.Field> fs = new ArrayList<>(20);
        fs.add(f("cs", segment(b, "cs")));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        for (String s : List.of("ds", "es", "fs", "gs", "ss", "tr", "ldt")) fs.add(f(s, segment(b, s)));
        for (String t : List.of("gdt", "idt")) {
            fs.add(f(t, new Value.Struct(List.of(f("base", x(Member.of(l, t + ".base").u(b))),
                    f("limit", u(Member.of(l, t + ".limit").u(b)))), false)));
        }
        for (String r : List.of("cr0", "cr2", "cr3", "cr4", "cr8", "efer")) fs.add(f(r, u(Member.of(l, r).u(b))));
        fs.add(f("apic_base", x(Member.of(l, "apic_base").u(b))));
        List<Value> bitmap = new ArrayList<>(4);
        int off = StructLayouts.offset(l, "interrupt_bitmap");
        for (int i = 0; i < 4; i++) bitmap.add(x(MemoryView.u64(b, off + 8 * i)));
        fs.add(f("interrupt_bitmap", new Value.Array(bitmap, false)));
        return new Value.Struct(fs, false);
    }
}

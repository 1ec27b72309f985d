package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
import java.util.HashMap;
import java.util.Map;

/**
 * An ioctl family declared as a table, for the families whose requests follow strace's few
 * shapes: a struct copied at entry with umove_or_printaddr (a setter), a struct copied after a
 * successful call (a getter, printed after {@code resumed>}), the argument itself as a value, or
 * no argument. A subclass registers its requests by name in its constructor and writes only the
 * printers; a request none of these shapes fits overrides the IoctlFamily methods for it.
 */
abstract class DeclaredIoctls implements IoctlFamily {
    /** When the struct is copied and printed. */
    enum When {
        /** At entry (umove_or_printaddr while entering). */ ENTRY,
        /** At exit, only when the call succeeded (a getter). */ EXIT,
        /** Nothing is copied: the argument itself prints, or nothing. */ NONE
    }

    /** Prints a struct from its copied bytes (all {@code size} of them). */
    @FunctionalInterface
    interface StructPrinter {
        /**
         * {@return the struct's value}
         *
         * @param c    the call
         * @param b    the struct's bytes
         * @param addr its address in the tracee
         */
        Value print(CallContext c, byte[] b, long addr);
    }

    /** Prints the argument itself (a number, an fd, a flag word); null prints no argument. */
    @FunctionalInterface
    interface ValuePrinter {
        /**
         * {@return the argument as strace prints it, or null for none}
         *
         * @param c   the call
         * @param arg ioctl's third argument
         */
        Value print(CallContext c, long arg);
    }

    /** One request's rule. */
    record Rule(When when, int size, StructPrinter struct, ValuePrinter value) {}

    private final Map<Long, Rule> rules = new HashMap<>();

    /** Registers a struct of {@code size} bytes read at entry. */
    protected final void entry(String names, int size, StructPrinter p) {
        put(names, new Rule(When.ENTRY, size, p, null));
    }

    /** Registers a struct of {@code size} bytes read after a successful call. */
    protected final void exit(String names, int size, StructPrinter p) {
        put(names, new Rule(When.EXIT, size, p, null));
    }

    /** Registers a request whose argument prints as itself (null printer: no argument). */
    protected final void value(String names, ValuePrinter p) {
        put(names, new Rule(When.NONE, 0, null, p));
    }

    private void put(String names, Rule r) {
        for (String n : names.trim().split("\\s+")) rules.put(IoctlRequests.required(n), r);
    }

    /** {@return the rule of {@code req}, or null} */
    protected final Rule rule(long req) {
        return rules.get(req);
    }

    @Override
    public boolean decodes(long req) {
        return rules.containsKey(req);
    }

    @Override
    public boolean printsAtExit(long req) {
        Rule r = rules.get(req);
        return r != null && r.when() == When.EXIT;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        Rule r = rules.get(req);
        if (r != null && r.when() == When.ENTRY && arg != 0) mem.bytes(arg, r.size());
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        Rule r = rules.get(req);
        if (r != null && r.when() == When.EXIT && arg != 0) mem.bytes(arg, r.size());
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        Rule r = rules.get(req);
        return switch (r.when()) {
            case NONE -> r.value() == null ? null : r.value().print(c, a);
            case ENTRY -> struct(c, c.in, a, r);
            case EXIT -> c.succeeded() ? struct(c, c.out, a, r) : IoctlFields.addr(a);
        };
    }

    private static Value struct(CallContext c, dev.jstrace.proc.Snapshot mem, long a, Rule r) {
        byte[] b = IoctlFields.struct(mem, a, r.size());
        return b == null ? IoctlFields.addr(a) : r.struct().print(c, b, a);
    }

    /** A field. */
    static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }

    /** An unsigned decimal number. */
    static Value u(long v) {
        return new Value.Num(v, Value.Radix.UDEC);
    }

    /** A signed decimal number. */
    static Value d(long v) {
        return new Value.Num(v, Value.Radix.DEC);
    }

    /** A hex number ({@code PRINT_FIELD_X}). */
    static Value x(long v) {
        return new Value.Num(v, Value.Radix.HEX);
    }

    /** A number through a pointer ({@code [5]}, strace's printnum_*). */
    static Value boxed(Value v) {
        return new Value.Array(java.util.List.of(v), false);
    }

    /** The members named in {@code spec} ({@code x:} hex, {@code u:} unsigned, {@code d:} signed, {@code p:} an address). */
    static Value.Struct fields(byte[] b, java.lang.foreign.StructLayout l, String spec) {
        return fields(b, 0, l, spec);
    }

    /** As {@link #fields(byte[], java.lang.foreign.StructLayout, String)} for the struct at {@code base} of {@code b}. */
    static Value.Struct fields(byte[] b, int base, java.lang.foreign.StructLayout l, String spec) {
        java.util.List<Value.Field> fs = new java.util.ArrayList<>();
        for (String item : spec.split(" ")) {
            String name = item.substring(2);
            long v = StructLayouts.Member.of(l, name).u(b, base);
            fs.add(f(name, switch (item.charAt(0)) {
                case 'x' -> x(v);
                case 'p' -> new Value.Ptr(v);
                case 'd' -> d(StructLayouts.Member.of(l, name).s(b, base));
                default -> u(v);
            }));
        }
        return new Value.Struct(fs, false);
    }
}

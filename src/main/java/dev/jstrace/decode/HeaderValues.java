package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Constants.ByArch;
import dev.jstrace.arch.gen.Constants.Named;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The values of named constants as the kernel and libc headers define them, per
 * arch, from the generated {@link dev.jstrace.arch.gen.Constants} (scripts/gen-tables).
 * The decoders' tables list names in strace's print order and take their values
 * from here, so no value is typed by hand; a name in two groups with two values
 * is ambiguous and is refused.
 */
final class HeaderValues {
    private static final Map<Arch, Map<String, Long>> BY_ARCH = load();

    private HeaderValues() {}

    private static Map<Arch, Map<String, Long>> load() {
        Map<Arch, Map<String, Long>> out = new EnumMap<>(Arch.class);
        for (Arch arch : Arch.values()) {
            Map<String, Long> values = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (Field f : dev.jstrace.arch.gen.Constants.class.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) continue;
                Object v;
                try {
                    v = f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                Named[] group = v instanceof Named[] n ? n : v instanceof ByArch b ? b.of(arch) : null;
                if (group == null) continue;
                for (Named n : group) {
                    Long old = values.putIfAbsent(n.name(), n.value());
                    if (old != null && old != n.value()) ambiguous.add(n.name());
                }
            }
            values.keySet().removeAll(ambiguous);
            out.put(arch, Map.copyOf(values));
        }
        return out;
    }

    /** {@code name}'s value on {@code arch}. */
    static long of(Arch arch, String name) {
        Long v = BY_ARCH.get(arch).get(name);
        if (v == null) throw new IllegalArgumentException(name + " is not in the generated header tables for " + arch
                + ": add its group to scripts/gentables/ConstantGroups.java or give its value in the table");
        return v;
    }

    /** {@code name}'s value, which must be the same on every arch (a table shared by all of them). */
    static long common(String name) {
        Arch first = Arch.values()[0];
        long v = of(first, name);
        for (Arch a : Arch.values()) {
            if (of(a, name) != v) throw new IllegalArgumentException(name + " differs between " + first
                    + " and " + a + ": it belongs in a per-arch table");
        }
        return v;
    }
}

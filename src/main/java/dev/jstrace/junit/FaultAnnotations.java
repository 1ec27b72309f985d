package dev.jstrace.junit;

import dev.jstrace.Injections;
import dev.jstrace.Tamper;
import java.lang.reflect.Method;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a test's {@link InjectFault} annotations into the {@link Injections} of its recording. */
final class FaultAnnotations {
    private FaultAnnotations() {}

    private static final Pattern WHEN = Pattern.compile("(\\d+)(?:\\.\\.(\\d+))?(\\+(\\d+)?)?");

    /** {@code base} with the faults of {@code test}'s class, then of the method, added. */
    static Injections of(Method test, Injections base) {
        Injections i = base;
        for (InjectFault f : test.getDeclaringClass().getAnnotationsByType(InjectFault.class)) i = add(i, f, test);
        for (InjectFault f : test.getAnnotationsByType(InjectFault.class)) i = add(i, f, test);
        return i;
    }

    private static Injections add(Injections i, InjectFault f, Method test) {
        String where = "@InjectFault(syscall = \"" + f.syscall() + "\") on " + test.getDeclaringClass().getName()
                + "." + test.getName() + ": ";
        try {
            Tamper t = null;
            if (!f.error().isEmpty()) t = Tamper.error(f.error());
            if (!f.retval().isEmpty()) t = and(t, Tamper.retval(Long.decode(f.retval().trim())));
            if (!f.signal().isEmpty()) t = and(t, Tamper.signal(f.signal()));
            if (t == null) throw new IllegalArgumentException("say what happens: error, retval or signal");
            return i.inject(f.syscall(), when(t, f.when().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static Tamper and(Tamper t, Tamper next) {
        return t == null ? next : t.and(next);
    }

    private static Tamper when(Tamper t, String when) {
        if (when.isEmpty()) return t;
        Matcher m = WHEN.matcher(when);
        if (!m.matches()) {
            throw new IllegalArgumentException("when = \"" + when + "\" is not N, N+, N+S, N..M or N..M+S");
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? (m.group(3) == null ? first : Tamper.NO_LAST) : Integer.parseInt(m.group(2));
        int step = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (m.group(2) == null && m.group(3) == null) return t.when(first);
        return t.when(first, last, step);
    }
}

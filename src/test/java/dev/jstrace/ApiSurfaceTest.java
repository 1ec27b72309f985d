package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The public API names only types a user can name: every public or protected
 * member of a public type in an exported package takes and returns types of
 * exported packages (or of the JDK and the declared dependencies). A member
 * that names one of the library's own types is a method a user can see but
 * not call (the old {@code TracedProcess.launch(SpawnRequest, ...)}).
 */
@Tag("unit")
class ApiSurfaceTest {
    /**
     * Still to fix, in the decoder (its engine-facing entry points are public in an exported package):
     * listed so that a new leak fails here while these wait for their owner.
     */
    private static final Set<String> KNOWN_IN_DECODE = Set.of(
            "dev.jstrace.decode.ConstTable.flags names dev.jstrace.arch.Arch",
            "dev.jstrace.decode.Constants.openFlags names dev.jstrace.arch.Arch",
            "dev.jstrace.decode.SignatureCatalog.cloneRegister names dev.jstrace.arch.Arch",
            "dev.jstrace.decode.SignatureCatalog.forNumber names dev.jstrace.arch.Arch",
            "dev.jstrace.decode.SyscallDecoder.decode names dev.jstrace.proc.RawEvent$SyscallEntry",
            "dev.jstrace.decode.SyscallDecoder.decode names dev.jstrace.proc.RawEvent$SyscallExit",
            "dev.jstrace.decode.SyscallDecoder.planner names dev.jstrace.proc.CapturePlanner");

    @Test
    void publicMembersNameOnlyExportedTypes() throws Exception {
        Set<String> exported = Set.of("dev.jstrace", "dev.jstrace.decode", "dev.jstrace.sink", "dev.jstrace.junit");
        assertEquals(exported, moduleExports(), "module-info.java's exports");
        Path classes = Path.of(Tracer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> leaks = new TreeSet<>();
        int checked = 0;
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = pkg + "." + f.getFileName().toString().replace(".class", "");
                    Class<?> c = Class.forName(name, false, Tracer.class.getClassLoader());
                    if (!visible(c)) continue;
                    checked++;
                    for (Executable e : members(c)) {
                        List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
                        if (e instanceof Method m) types.add(m.getGenericReturnType());
                        types.addAll(List.of(e.getGenericExceptionTypes()));
                        for (Type t : types) leak(t, exported, c.getName() + "." + e.getName(), leaks);
                    }
                    for (Field fl : c.getDeclaredFields()) {
                        if (Modifier.isPublic(fl.getModifiers()) || Modifier.isProtected(fl.getModifiers())) {
                            leak(fl.getGenericType(), exported, c.getName() + "." + fl.getName(), leaks);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "found the API's classes: " + checked);
        assertEquals(KNOWN_IN_DECODE, leaks, "public members that name a type of a package the module does not"
                + " export (the decoder's known ones are listed in KNOWN_IN_DECODE)");
    }

    private static Set<String> moduleExports() throws Exception {
        String info = Files.readString(Path.of("src/main/java/module-info.java"));
        Set<String> s = new TreeSet<>();
        for (String line : info.split("\n")) {
            String l = line.trim();
            if (l.startsWith("exports ")) s.add(l.substring(8, l.indexOf(';')).trim());
        }
        return s;
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) return false;
        }
        return true;
    }

    private static List<Executable> members(Class<?> c) {
        List<Executable> all = new ArrayList<>(List.of(c.getDeclaredMethods()));
        all.addAll(List.of(c.getDeclaredConstructors()));
        all.removeIf(e -> e.isSynthetic() || !(Modifier.isPublic(e.getModifiers())
                || (Modifier.isProtected(e.getModifiers()) && !Modifier.isFinal(c.getModifiers()))));
        return all;
    }

    private static void leak(Type t, Set<String> exported, String where, Set<String> leaks) {
        if (t instanceof ParameterizedType p) {
            leak(p.getRawType(), exported, where, leaks);
            for (Type a : p.getActualTypeArguments()) leak(a, exported, where, leaks);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) leak(b, exported, where, leaks);
            for (Type b : w.getLowerBounds()) leak(b, exported, where, leaks);
        } else if (t instanceof Class<?> c) {
            while (c.isArray()) c = c.getComponentType();
            if (c.isPrimitive()) return;
            String pkg = c.getPackageName();
            if (pkg.startsWith("dev.jstrace") && !exported.contains(pkg)) leaks.add(where + " names " + c.getName());
        }
    }
}

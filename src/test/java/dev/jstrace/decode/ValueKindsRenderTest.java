package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every kind of {@link Value} has a rendering: the renderer's instanceof chain (cheaper at start-up than
 * a pattern switch, which javac would check for exhaustiveness) must name each permitted subtype. One
 * instance of each kind, built from its canonical constructor with plain component values, renders.
 */
@Tag("unit")
class ValueKindsRenderTest {

    @Test
    void everyValueKindRenders() throws Exception {
        Class<?>[] kinds = Value.class.getPermittedSubclasses();
        assertTrue(kinds.length >= 12, "Value's kinds: " + List.of(kinds));
        for (Class<?> kind : kinds) {
            Value v = instance(kind);
            String text = assertDoesNotThrow(() -> StraceRenderer.DEFAULT.render(v), kind.getSimpleName());
            assertNotNull(text, kind.getSimpleName());
        }
    }

    private static Value instance(Class<?> kind) throws Exception {
        RecordComponent[] parts = kind.getRecordComponents();
        assertNotNull(parts, kind + " is a record");
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = plain(types[i]);
        }
        Constructor<?> c = kind.getDeclaredConstructor(types);
        c.setAccessible(true);
        return (Value) c.newInstance(values);
    }

    private static Object plain(Class<?> t) {
        if (t == long.class) return 7L;
        if (t == int.class) return 3;
        if (t == boolean.class) return false;
        if (t == String.class) return "x";
        if (t == byte[].class) return "ab".getBytes();
        if (t == List.class) return List.of();
        if (t == Value.class) return new Value.Num(1, Value.Radix.DEC);
        if (t.isEnum()) return t.getEnumConstants()[0];
        throw new AssertionError("no plain value for a component of type " + t);
    }
}

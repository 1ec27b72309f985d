import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The start-up floor of any FFM program: one downcall (getpid) and one
 * confined arena, then "hello". scripts/bench runs it with jstrace's JVM
 * flags and an AOT cache of its own, so the difference to jstrace's start-up
 * is jstrace's own work, and its difference to Hello is the FFM runtime's.
 */
public class FfmHello {
    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle getpid = linker.downcallHandle(linker.defaultLookup().find("getpid").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT));
        int pid = (int) getpid.invokeExact();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(ValueLayout.JAVA_INT);
            s.set(ValueLayout.JAVA_INT, 0, pid);
            System.out.println(s.get(ValueLayout.JAVA_INT, 0) > 0 ? "hello" : "?");
        }
    }
}

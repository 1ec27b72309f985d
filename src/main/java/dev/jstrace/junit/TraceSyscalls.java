package dev.jstrace.junit;

import dev.jstrace.TraceOptions;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records the system calls of each test method (of the annotated class, or
 * of the annotated method). The method gets the recorder as a parameter:
 *
 * <pre>{@code
 * @Test @TraceSyscalls
 * void readsOnly(SyscallRecorder syscalls) throws IOException {
 *     Files.readString(config);
 *     syscalls.recorded().assertOpenedReadOnly(config);
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SyscallRecorder.class)
public @interface TraceSyscalls {
    /**
     * Which threads are recorded.
     *
     * @return the calling thread (the test's) by default; {@code PROCESS} for every thread of the JVM
     */
    TraceOptions.Scope scope() default TraceOptions.Scope.THREAD;
}

package dev.jstrace.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a system call of the recorded test fail (or return a chosen value,
 * or raise a signal), as strace's {@code -e inject=} does, through the
 * {@link SyscallRecorder} that records the test: the code under test sees
 * the fault, and the recorded calls show it ({@code (INJECTED)}).
 *
 * <pre>{@code
 * @Test @TraceSyscalls
 * @InjectFault(syscall = "write", error = "ENOSPC", when = "3")
 * void aFullDiskIsReported(@TempDir Path dir) {
 *     assertThrows(IOException.class, () -> store.save(dir, bigRecord)); // its 3rd write fails
 * }
 * }</pre>
 *
 * <p>On a test method or its class (the class's apply to each of its
 * methods, before the method's own), repeatable. Calls count from the start
 * of the test method, per syscall and per thread, as strace counts them per
 * process. The recorder's scope decides whose calls are tampered with: the
 * test's thread by default, every thread of the JVM in process scope.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(InjectFaults.class)
public @interface InjectFault {
    /**
     * The system call, by its name on this machine's ABI.
     *
     * @return the name ({@code "write"}, {@code "openat"}, {@code "connect"})
     */
    String syscall();

    /**
     * The error the call fails with, without running.
     *
     * @return an errno name ({@code "ENOSPC"}, {@code "EIO"}), or empty for none
     */
    String error() default "";

    /**
     * The value the call returns, without running.
     *
     * @return a number ({@code "0"}, {@code "-1"}), or empty for none
     */
    String retval() default "";

    /**
     * A signal delivered to the thread when the call is made.
     *
     * @return a signal name ({@code "SIGUSR1"}), or empty for none
     */
    String signal() default "";

    /**
     * Which calls: strace's {@code when=} syntax.
     *
     * @return {@code "N"} (only the N-th), {@code "N+"} (the N-th and every later one), {@code "N+S"}
     *         (every S-th from the N-th), {@code "N..M"} or {@code "N..M+S"} (up to the M-th);
     *         empty (the default) for every call
     */
    String when() default "";
}

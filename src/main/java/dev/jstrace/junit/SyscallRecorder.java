package dev.jstrace.junit;

import dev.jstrace.Trace;
import dev.jstrace.TraceOptions;
import dev.jstrace.Tracer;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.function.Executable;

/**
 * Records the system calls of each test method, from the first statement of
 * the method to its end or to {@link #recorded()}, whichever comes first:
 * {@code @BeforeEach} methods and JUnit's own work stay out.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SyscallRecorder syscalls = SyscallRecorder.threadScope();
 *
 * @Test
 * void makesNoNetworkCalls() {
 *     codeUnderTest();
 *     syscalls.recorded().assertNoNetworkCalls();
 * }
 * }</pre>
 *
 * <p>Thread scope (the default) records the test's own thread, so the JIT's
 * and GC's calls stay out; {@link #processScope()} records every thread of the
 * JVM, including threads the test starts. The first code of a kind to run in
 * a JVM does one-time work (the first {@code Files.write} reads
 * {@code java.security} and {@code /dev/random}); {@link #warmUp} runs such
 * code once, unrecorded, before the first recorded test.
 *
 * <p>{@link InjectFault} on a test method (or its class) makes chosen calls
 * of the recording fail, as strace's {@code -e inject=} does; the faults are
 * added to the options of that test only ({@link #optionsFor}), on top of any
 * {@link dev.jstrace.Injections} in the recorder's own {@link #withOptions options}.
 *
 * <p>Tests recorded in process scope must not run concurrently (a JVM can be
 * traced by one tracer at a time); thread-scope tests may, each on its thread.
 */
public final class SyscallRecorder implements BeforeAllCallback, InvocationInterceptor, AfterEachCallback,
        ParameterResolver {
    private final TraceOptions options;
    private final Executable warmUp;
    private final AtomicBoolean warmedUp = new AtomicBoolean();
    private final ThreadLocal<Tracer> running = new ThreadLocal<>();
    private final ThreadLocal<RecordedSyscalls> finished = new ThreadLocal<>();

    /** Thread scope, all calls, strace's default rendering: what {@link TraceSyscalls} creates. */
    public SyscallRecorder() {
        this(TraceOptions.defaults(), null);
    }

    private SyscallRecorder(TraceOptions options, Executable warmUp) {
        if (options == null) throw new IllegalArgumentException("options must not be null; use TraceOptions.defaults()");
        this.options = options;
        this.warmUp = warmUp;
    }

    /**
     * Records the test method's own thread.
     *
     * @return a new recorder
     */
    public static SyscallRecorder threadScope() {
        return new SyscallRecorder();
    }

    /**
     * Records every thread of the JVM while a test method runs.
     *
     * @return a new recorder
     */
    public static SyscallRecorder processScope() {
        return withOptions(TraceOptions.defaults().withScope(TraceOptions.Scope.PROCESS));
    }

    /**
     * Records with {@code options} (scope, syscall filter, rendering).
     *
     * @param options how to trace each test method
     * @return a new recorder
     */
    public static SyscallRecorder withOptions(TraceOptions options) {
        return new SyscallRecorder(options, null);
    }

    /**
     * Runs {@code code} once, unrecorded, before the first recorded test
     * method, so that one-time JDK initialisation does not land in a test's calls.
     *
     * @param code what to run first (typically a small version of the code under test)
     * @return a new recorder with the same options
     */
    public SyscallRecorder warmUp(Executable code) {
        if (code == null) throw new IllegalArgumentException("warmUp: code must not be null");
        return new SyscallRecorder(options, code);
    }

    /**
     * The options for one test: this recorder's, with the scope of a
     * {@link TraceSyscalls} annotation on the method or its class, and the
     * faults of its {@link InjectFault} annotations.
     *
     * @param test the test method
     * @return the options to trace it with
     * @throws IllegalArgumentException when an {@link InjectFault} names an unknown syscall, errno or
     *                                  signal, or a malformed {@code when}, saying which
     */
    public TraceOptions optionsFor(Method test) {
        TraceSyscalls a = test.getAnnotation(TraceSyscalls.class);
        if (a == null) a = test.getDeclaringClass().getAnnotation(TraceSyscalls.class);
        TraceOptions o = a == null ? options : options.withScope(a.scope());
        return o.withInjections(FaultAnnotations.of(test, o.injections()));
    }

    /**
     * Ends the current test's recording (the rest of the test runs
     * unrecorded) and returns its calls; later calls in the same test
     * return the same result.
     *
     * @return the calls the test method made so far
     * @throws IllegalStateException outside a test method this recorder records
     */
    public RecordedSyscalls recorded() {
        Tracer t = running.get();
        if (t != null) {
            running.remove();
            Trace trace = t.end();
            finished.set(new RecordedSyscalls(trace));
        }
        RecordedSyscalls r = finished.get();
        if (r == null) {
            throw new IllegalStateException("recorded(): no test method is being recorded on this thread; call it"
                    + " from a @Test method of a class that registers this SyscallRecorder");
        }
        return r;
    }

    // Boots the self-trace helper while JUnit sets up the class, so the first test's start() does not wait for it.
    @Override
    public void beforeAll(ExtensionContext context) {
        Tracer.prepare();
    }

    // Starts the recording right before the test method's body, ends it after.
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        if (warmUp != null && warmedUp.compareAndSet(false, true)) warmUp.execute();
        finished.remove();
        Tracer t = new Tracer(optionsFor(call.getExecutable()));
        t.start();
        running.set(t);
        try {
            invocation.proceed();
        } finally {
            if (running.get() != null) recorded();
        }
    }

    // Forgets the finished test's calls.
    @Override
    public void afterEach(ExtensionContext context) {
        Tracer t = running.get();
        running.remove();
        finished.remove();
        if (t != null) t.close();
    }

    // A test method may take the recorder as a parameter (with @TraceSyscalls).
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SyscallRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}

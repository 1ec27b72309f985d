/**
 * A JUnit 5 extension that records the system calls of each test method, and
 * assertions that read like the intent.
 *
 * <pre>{@code
 * class StoreTest {
 *     @RegisterExtension
 *     static SyscallRecorder syscalls = SyscallRecorder.threadScope()
 *             .warmUp(() -> Files.write(Files.createTempFile("warm", ".txt"), new byte[1]));
 *
 *     @Test
 *     void savesLocallyOnly(@TempDir Path dir) throws IOException {
 *         store.save(dir, record);
 *         RecordedSyscalls calls = syscalls.recorded();   // ends the recording here
 *         calls.assertNoNetworkCalls();
 *         calls.assertNoFileOpenedOutside(dir);
 *         calls.assertAtMost(1, "fsync");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link dev.jstrace.junit.TraceSyscalls @TraceSyscalls} on a class or
 * method does the same without a field: the test method takes a
 * {@link dev.jstrace.junit.SyscallRecorder} parameter.
 *
 * <p>JUnit is an optional dependency of jstrace: this package needs
 * {@code junit-jupiter-api} on the class or module path, the rest of the
 * library does not.
 */
package dev.jstrace.junit;

package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** strace's countdown ({@code when=}) as the loop applies it: which of 12 calls fire. */
class InjectionTableTest {
    @ParameterizedTest(name = "first={0} last={1} step={2}")
    @CsvSource({
            // first, last (0: none), step, the calls that fire (x) among 12
            "1, 0, 1, xxxxxxxxxxxx",   // when=1+ (the default)
            "3, 0, 0, ..x.........",   // when=3
            "3, 0, 1, ..xxxxxxxxxx",   // when=3+
            "2, 0, 3, .x..x..x..x.",   // when=2+3
            "2, 5, 1, .xxxx.......",   // when=2..5
            "2, 9, 3, .x..x..x....",   // when=2..9+3
            "4, 4, 1, ...x........",   // when=4..4
    })
    void firesAsStraceCounts(int first, int last, int step, String expected) {
        Arch a = Arch.X86_64;
        InjectRule r = new InjectRule(InjectRule.Result.ERROR, 5, 0, null, 0, 0, List.of(), first,
                last == 0 ? InjectRule.NO_LAST : last, step);
        InjectionTable t = new InjectionTable(List.of(new InjectionTable.Entry(Set.of("getpid"), r)), false);
        int nr = a.syscallNumber("getpid");
        int[] thread = InjectionTable.newCounters(a);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) b.append(t.fires(a, nr, thread) ? 'x' : '.');
        assertEquals(expected, b.toString());
        // Another thread counts afresh; another syscall is not counted at all.
        assertEquals(expected.charAt(0) == 'x', t.fires(a, nr, InjectionTable.newCounters(a)));
        assertEquals(false, t.fires(a, a.syscallNumber("getppid"), thread));
    }

    @ParameterizedTest
    @CsvSource({"getpid, 7", "read, 9"})
    void aLaterRuleForASyscallReplacesAnEarlierOne(String name, long value) {
        InjectRule seven = new InjectRule(InjectRule.Result.RETVAL, 7, 0, null, 0, 0, List.of(), 1,
                InjectRule.NO_LAST, 1);
        InjectRule nine = new InjectRule(InjectRule.Result.RETVAL, 9, 0, null, 0, 0, List.of(), 1,
                InjectRule.NO_LAST, 1);
        InjectionTable t = new InjectionTable(List.of(new InjectionTable.Entry(null, nine),
                new InjectionTable.Entry(Set.of("getpid"), seven)), true);
        assertEquals(value, t.rule(Arch.AARCH64, Arch.AARCH64.syscallNumber(name)).value());
    }
}

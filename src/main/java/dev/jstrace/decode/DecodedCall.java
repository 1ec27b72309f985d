package dev.jstrace.decode;

import java.util.List;

/**
 * A syscall decoded from its entry and exit records.
 *
 * @param name          the display name
 * @param number        the syscall number
 * @param args          the argument values
 * @param argTexts      the arguments as strace prints them
 * @param entryArgCount how many leading arguments strace prints at entry
 * @param result        what follows {@code = } ({@code ?} when the call never returned)
 * @param errno         the error on failure, else null
 * @param resultValue   the result as a value, for sinks: a number ({@link Value.Radix#HEX} for an
 *                      address), a descriptor, a pid; {@code -1} on failure; null when it never returned
 */
public record DecodedCall(String name, int number, List<Value> args, List<String> argTexts, int entryArgCount,
                          String result, Errno errno, Value resultValue) {}

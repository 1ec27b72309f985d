/**
 * Syscall decoding: the {@link dev.jstrace.decode.SignatureCatalog} (one line per
 * syscall), what the tracer thread copies at each stop (the catalog's capture
 * plan), the decoders that turn registers and copied memory into
 * {@link dev.jstrace.decode.Value}s, and the strace text renderer.
 *
 * <h2>Adding a decoder</h2>
 * A new struct argument takes three files: a catalog line, one decoder file
 * and one golden test. Nothing else is edited: not {@code ArgType}, not the
 * capture plan, not {@code ArgDecoder}, not the layout probe.
 * <ol>
 * <li><b>The catalog line</b>, in {@code SignatureCatalog}: name the argument
 *     {@code <struct>_out} for a struct the kernel writes (copied at exit and
 *     printed only after a successful call, strace's {@code resumed>} side) or
 *     {@code <struct>_in} for one the call reads (copied at entry), e.g.
 *     {@code gettimeofday: timeval_out, timezone_out = int}.</li>
 * <li><b>The decoder</b>: {@code <Struct>Decoder.java} in this package (the
 *     token {@code clone_args} is {@code CloneArgsDecoder}), a final class
 *     extending {@code StructDecoder} with a no-argument constructor. It
 *     declares the struct's {@code StructLayout} once, named after the C type
 *     ({@code .withName("struct timezone")}) with every member named as in C
 *     and unnamed padding where C pads, and passes it to {@code super} with
 *     the {@code #include} lines that declare the C type. A struct laid out
 *     differently per arch passes {@code arch -> layout} (switch over an
 *     {@code Arch} fact, exhaustively). It reads fields only at offsets taken
 *     from that layout ({@code StructLayouts.Member.of(LAYOUT, "st_atim.tv_sec")}
 *     gives a member's offset and width, dotted into nested structs; keep them
 *     in static finals), never at literal numbers, and implements
 *     {@code decode(CallContext, Snapshot, long, byte[])}: the bytes are the
 *     whole struct; NULL, a failed call and an unreadable address are handled
 *     before it is called. The tracer copies {@code sizeof} the struct by
 *     default; override {@code capture} (it runs on the tracer thread: reads
 *     only, no other allocation) to copy an array or follow a pointer,
 *     {@code captureAfter} when an {@code _in} struct points at what the call
 *     writes (clone3's parent_tid), and
 *     {@code decodeArg} when the argument prints differently from the struct
 *     (an array, a length in another argument). {@code TimezoneDecoder} is the
 *     smallest example, {@code StatfsDecoder} one with constant tables.</li>
 * <li><b>The golden test</b>: {@code <Struct>DecoderTest.java} (tagged
 *     {@code unit}) with lines copied from what strace 6.1 printed for the
 *     same call, built with the test harness {@code DecoderGolden}: put the
 *     struct's bytes in a memory image, and it runs the real capture plan at
 *     entry and exit, then the decoder, so a capture that misses bytes the
 *     decoder reads fails.</li>
 * </ol>
 * Constants a decoder names (flag and value sets) are listed in strace's
 * print order without values ({@code ConstTable.flags("ST_???", "ST_VALID
 * ST_RDONLY")}); the values come from the headers through a group in
 * scripts/gentables/ConstantGroups.java and {@code scripts/gen-tables}.
 *
 * <p>What is forgotten fails: a catalog token without its decoder class fails
 * the catalog's initialisation (every test); a decoder without its golden test
 * fails {@code StructDecoderCoverageTest}; a layout that disagrees with the C
 * headers (size or any named member's offset) fails
 * {@code StructLayoutsProbeTest}, which finds every decoder through the
 * catalog; a new {@code ArgType} without a capture rule or a formatter does not
 * compile (the switches over it are exhaustive, without {@code default}).
 */
package dev.jstrace.decode;

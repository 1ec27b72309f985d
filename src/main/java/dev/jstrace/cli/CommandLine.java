package dev.jstrace.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * jstrace's arguments as bytes, as the caller passed them, and as text for
 * the option parser. The JVM decodes {@code String[] args} with the locale's
 * charset (under {@code LC_ALL=C} every non-ASCII byte becomes U+FFFD), so
 * the bytes come from {@code /proc/self/cmdline}, whose last {@code args.length}
 * entries are the arguments after the jar (the launcher expands nothing
 * there). The text is UTF-8 with each byte that is not valid UTF-8 kept as
 * the lone surrogate U+DC80+byte (Python's "surrogateescape"), so an option's
 * value ({@code -E}) turns back into its exact bytes.
 *
 * @param bytes the arguments, exactly
 * @param text  the same arguments, decoded losslessly
 */
record CommandLine(List<byte[]> bytes, List<String> text) {
    /** This JVM's own arguments; {@code args} decides how many, and is what is left without /proc. */
    static CommandLine ofThisProcess(String[] args) {
        List<byte[]> all;
        try {
            all = dev.jstrace.proc.CallerContext.splitNul(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException e) {
            return of(List.of(args));
        }
        if (all.size() < args.length) return of(List.of(args));
        List<byte[]> tail = List.copyOf(all.subList(all.size() - args.length, all.size()));
        return new CommandLine(tail, tail.stream().map(CommandLine::decode).toList());
    }

    /** Arguments given as text (tests, in-process use): their UTF-8 bytes. */
    static CommandLine of(List<String> args) {
        return new CommandLine(args.stream().map(CommandLine::encode).toList(), List.copyOf(args));
    }

    /** UTF-8, each byte of a malformed sequence kept as U+DC80+byte. */
    static String decode(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isUnderflow()) break;
            for (int i = 0; i < r.length(); i++) out.put((char) (0xDC00 | (in.get() & 0xFF)));
        }
        d.flush(out);
        return out.flip().toString();
    }

    /** The inverse of {@link #decode}: UTF-8, U+DC80..U+DCFF back to their bytes. */
    static byte[] encode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                out.writeBytes(s.substring(from, i).getBytes(StandardCharsets.UTF_8));
                out.write(c & 0xFF);
                from = i + 1;
            }
        }
        out.writeBytes(s.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}

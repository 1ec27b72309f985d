package dev.jstrace.cli;

import java.util.List;

/**
 * {@code --tips[=[[id:]ID][,[format:]FORMAT]]}: a tip in a speech box beside strace's ostrich,
 * written to standard error when jstrace ends, laid out as strace 6.1's print_totd does (box 52
 * columns wide, 44 for the text; {@code compact} cuts the bird after the box, {@code full} draws
 * it whole). The tips are jstrace's own.
 */
final class Tips {
    private Tips() {}

    /** How much of the picture is drawn. */
    enum Format { NONE, COMPACT, FULL }

    /** The id that picks a tip at random ({@code id:random}, the default). */
    static final int RANDOM = -1;

    /** A {@code --tips} choice: which tip and how. */
    record Choice(int id, Format format) {}

    private static final String TOP = "  ______________________________________________    ";
    private static final String BOTTOM = " \\______________________________________________/   ";
    private static final String[] LEFT = {" / ", " | "};
    private static final String[] RIGHT = {" \\   ", " |   ", " \\   ", "  \\  ", "  _\\ ", " /   ", " |   "};
    private static final int MAX_LINES = 13;

    /** strace's ostrich (strauss.c), line 0 empty as there. */
    private static final String[] BIRD = {
        "",
        "     ____",
        "    /    \\",
        "   |-. .-.|",
        "   (_@)(_@)",
        "   .---_  \\",
        "  /..   \\_/",
        "  |__.-^ /",
        "      }  |",
        "     |   [",
        "     [  ]",
        "    ]   |",
        "    |   [",
        "    [  ]",
        "   /   |        __",
        "  \\|   |/     _/ /_",
        " \\ |   |//___/__/__/_",
        "\\\\  \\ /  //    -____/_",
        "//   \"   \\\\      \\___.-",
        " //     \\\\  __.----._/_",
        "/ '/|||\\` .-         __>",
        "[        /         __.-",
        "[        [           }",
        "\\        \\          /",
        " \"-._____ \\.____.--\"",
        "    |  | |  |",
        "    |  | |  |",
        "    |  | |  |",
        "    |  | |  |",
        "    {  } {  }",
        "    |  | |  |",
        "    |  | |  |",
        "    |  | |  |",
        "    /  { |  |",
        " .-\"   / [   -._",
        "/___/ /   \\ \\___\"-.",
        "    -\"     \"-",
    };

    /** jstrace's tips, at most 44 columns a line and {@link #MAX_LINES} lines each. */
    private static final List<List<String>> TIPS = List.of(
            List.of("jstrace -c prints strace's summary table;", "add -w for wall-clock times instead of",
                    "the system CPU time spent in each call."),
            List.of("-o '|COMMAND' pipes the trace into", "COMMAND (sh -c), which keeps it apart from",
                    "what the traced program writes itself."),
            List.of("-f follows children and threads; with", "-ff -o FILE each of them gets FILE.PID",
                    "of its own."),
            List.of("-e trace=%file, %network, %process and", "the other classes name whole families",
                    "of calls; -e trace=/REGEX matches names."),
            List.of("-P PATH shows only the calls that touch", "PATH, resolved as the tracee resolves it."),
            List.of("-y prints the path behind each", "descriptor: read(3</etc/passwd>, ...);",
                    "-yy adds sockets' addresses and devices."),
            List.of("-X verbose prints constants as numbers", "with their names in comments;",
                    "-X raw as numbers only."),
            List.of("--tef FILE and --perfetto FILE write the", "trace as a timeline that",
                    "ui.perfetto.dev opens."),
            List.of("-z prints only the calls that succeeded,", "-Z only those that failed; -e status=",
                    "takes any set of outcomes."),
            List.of("jstrace is also a Java library: new", "Tracer().start() ... end() traces a block",
                    "of the running JVM."));

    /**
     * Parses the option's argument as strace's parse_tips_arg: comma-separated {@code id:N},
     * {@code id:random}, {@code format:none|compact|full}, or the bare values; {@code null} for invalid.
     *
     * @param arg the argument ({@code ""} when none was given)
     * @param previous the choice of an earlier {@code --tips}, or null
     */
    static Choice parse(String arg, Choice previous) {
        int id = previous == null ? RANDOM : previous.id();
        Format format = previous == null || previous.format() == Format.NONE ? Format.COMPACT : previous.format();
        for (String token : arg.split(",")) {
            if (token.isEmpty()) continue;
            String lower = token.toLowerCase(java.util.Locale.ROOT);
            boolean idOnly = lower.startsWith("id:");
            boolean formatOnly = lower.startsWith("format:");
            String v = idOnly ? lower.substring(3) : formatOnly ? lower.substring(7) : lower;
            if (!formatOnly) {
                if (v.equals("random")) {
                    id = RANDOM;
                    continue;
                }
                if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
                    try {
                        id = Integer.parseInt(v);
                        continue;
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
            if (!idOnly) {
                Format f = switch (v) {
                    case "none" -> Format.NONE;
                    case "compact" -> Format.COMPACT;
                    case "full" -> Format.FULL;
                    default -> null;
                };
                if (f != null) {
                    format = f;
                    continue;
                }
            }
            return null;
        }
        return new Choice(id, format);
    }

    /** {@return the picture for {@code choice}, lines ending in newlines; empty for {@link Format#NONE}} */
    static String render(Choice choice) {
        if (choice == null || choice.format() == Format.NONE) return "";
        int w = TOP.length() - LEFT[0].length() - RIGHT[0].length();
        int id = choice.id() == RANDOM ? new java.util.Random().nextInt(TIPS.size()) : choice.id() % TIPS.size();
        List<String> tip = TIPS.get(id);
        StringBuilder b = new StringBuilder();
        b.append(TOP).append(BIRD[1]).append('\n');
        b.append(LEFT[0]).append(" ".repeat(w)).append(RIGHT[0]).append(BIRD[2]).append('\n');
        int i = 0;
        for (; i < MAX_LINES && (i < tip.size() || i < RIGHT.length - 1); i++) {
            String text = i < tip.size() ? tip.get(i) : "";
            if (text.length() > w) text = text.substring(0, w);
            b.append(LEFT[Math.min(i + 1, LEFT.length - 1)]).append(text).append(" ".repeat(w - text.length()))
                    .append(RIGHT[Math.min(i + 1, RIGHT.length - 1)]).append(bird(3 + i)).append('\n');
        }
        b.append(BOTTOM).append(bird(3 + i)).append('\n');
        String pad = " ".repeat(LEFT[0].length() + w + RIGHT[0].length());
        do {
            b.append(pad).append(bird(4 + i)).append('\n');
        } while (choice.format() == Format.FULL && 4 + ++i < BIRD.length);
        return b.toString();
    }

    private static String bird(int line) {
        return BIRD[Math.min(line, BIRD.length - 1)];
    }
}

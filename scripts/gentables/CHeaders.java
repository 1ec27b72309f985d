import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a C preprocessor to read kernel UAPI and glibc headers the
 * way a compiler for one architecture would: it follows includes, keeps
 * #define/#undef, and evaluates #if/#ifdef/#elif honestly, so that (for
 * example) aarch64's renameat appears only because its asm/unistd.h defines
 * __ARCH_WANT_RENAMEAT. It also remembers enumerators ({@code NAME = value,})
 * because glibc declares SOCK_* and MSG_* as enums with self-referring macros.
 */
final class CHeaders {
    /** One #define: params is null for an object-like macro. */
    record Macro(String name, List<String> params, String body) {}

    private static final Pattern DEFINE = Pattern.compile("(\\w+)(\\(([^)]*)\\))?\\s*(.*)");
    private static final Pattern INCLUDE = Pattern.compile("[<\"]([^>\"]+)[>\"]");
    private static final Pattern ENUMERATOR = Pattern.compile("^\\s*([A-Z][A-Z0-9_]*)\\s*=\\s*([^,}/]+?)\\s*,?\\s*(/\\*.*)?$");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(0[xX][0-9a-fA-F]+[uUlL]*|\\d+[uUlL]*|'(\\\\.|[^'])'|\\w+|##|<<|>>|<=|>=|==|!=|&&|\\|\\||[-+*/%()!~<>&|^?:,])");
    /** Type words that appear in casts like {@code (__force __poll_t)0x0001}; dropped before evaluation. */
    private static final Set<String> CAST_WORDS = Set.of("__force", "__poll_t", "__u8", "__u16", "__u32",
            "__u64", "__s8", "__s16", "__s32", "__s64", "int", "unsigned", "long", "short", "char", "signed",
            "__kernel_ulong_t", "__kernel_long_t");

    private final List<Path> roots;
    private final Map<String, Macro> macros = new LinkedHashMap<>();
    private final Map<String, String> enumerators = new LinkedHashMap<>();
    /** Names in the order they were first defined, for emitting tables in header order. */
    private final List<String> definitionOrder = new ArrayList<>();

    /** Reads headers from {@code roots} (searched in order) as a compiler predefining {@code predefined} would. */
    CHeaders(List<Path> roots, Map<String, String> predefined) {
        this.roots = roots;
        predefined.forEach((k, v) -> define(k, null, v));
    }

    /** Processes {@code #include <name>}; a missing header is skipped (compiler-provided ones such as stddef.h). */
    CHeaders include(String name) {
        Path p = find(name, null);
        if (p == null) throw new IllegalArgumentException("header not found: " + name + " in " + roots);
        process(p);
        return this;
    }

    /** The macro called {@code name}, or null. */
    Macro macro(String name) {
        return macros.get(name);
    }

    /** Names of the currently defined macros, in first-definition order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (String n : definitionOrder) if (macros.containsKey(n)) out.add(n);
        return out;
    }

    /** The value of a C integer constant expression naming no macro ({@code (1U << 31)}), or null. */
    static Long evaluate(String expression) {
        try {
            CHeaders none = new CHeaders(List.of(), Map.of());
            return new Expr(none.expand(tokenize(expression), new HashSet<>(), false)).parse();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Enumerators given an explicit value ({@code GPIO_V2_LINE_FLAG_USED = _BITULL(0),}) that no
     * macro of the same name shadows, in first-seen order: the kernel declares some ioctl
     * argument flags (linux/gpio.h) as enums, not macros.
     */
    List<String> enumeratorNames() {
        List<String> out = new ArrayList<>();
        for (String n : enumerators.keySet()) if (!macros.containsKey(n)) out.add(n);
        return out;
    }

    /** The value of a macro or enumerator as a C integer expression, or null when it is not an integer constant. */
    Long value(String name) {
        if (!macros.containsKey(name) && !enumerators.containsKey(name)) return null;
        try {
            List<String> toks = expand(List.of(name), new HashSet<>(), false);
            return new Expr(toks).parse();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Path find(String name, Path currentDir) {
        if (currentDir != null && Files.exists(currentDir.resolve(name))) return currentDir.resolve(name);
        for (Path r : roots) if (Files.exists(r.resolve(name))) return r.resolve(name);
        return null;
    }

    private void define(String name, List<String> params, String body) {
        if (!macros.containsKey(name)) {
            definitionOrder.remove(name);
            definitionOrder.add(name);
        }
        macros.put(name, new Macro(name, params, body.trim()));
    }

    private void process(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Translation phases: splice continued lines first, then drop comments.
        text = text.replace("\\\r\n", "").replace("\\\n", "");
        text = stripComments(text);
        // Each frame: {parent active, some branch already taken, this branch active}.
        Deque<boolean[]> conds = new ArrayDeque<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            boolean active = conds.isEmpty() || conds.peek()[2];
            if (!line.startsWith("#")) {
                if (active) {
                    Matcher m = ENUMERATOR.matcher(raw);
                    if (m.matches()) enumerators.putIfAbsent(m.group(1), m.group(2));
                }
                continue;
            }
            String d = line.substring(1).strip();
            String word = d.split("[\\s(<\"]", 2)[0];
            String rest = d.substring(word.length()).strip();
            switch (word) {
                case "ifdef", "ifndef" -> {
                    boolean v = macros.containsKey(rest.split("\\s")[0]) == word.equals("ifdef");
                    conds.push(new boolean[] {active, active && v, active && v});
                }
                case "if" -> {
                    boolean v = active && evalCondition(rest);
                    conds.push(new boolean[] {active, v, v});
                }
                case "elif" -> {
                    boolean[] f = conds.peek();
                    boolean v = f[0] && !f[1] && evalCondition(rest);
                    f[2] = v;
                    f[1] |= v;
                }
                case "else" -> {
                    boolean[] f = conds.peek();
                    f[2] = f[0] && !f[1];
                    f[1] = true;
                }
                case "endif" -> conds.pop();
                default -> {
                    if (!active) continue;
                    switch (word) {
                        case "define" -> {
                            Matcher m = DEFINE.matcher(rest);
                            if (!m.matches()) throw new IllegalStateException(file + ": bad #define " + rest);
                            List<String> params = m.group(2) == null ? null
                                    : List.of(m.group(3).isBlank() ? new String[0] : m.group(3).split("\\s*,\\s*"));
                            define(m.group(1), params, m.group(4));
                        }
                        case "undef" -> macros.remove(rest.split("\\s")[0]);
                        case "include" -> {
                            Matcher m = INCLUDE.matcher(rest);
                            if (!m.find()) break;
                            Path p = find(m.group(1), rest.startsWith("\"") ? file.getParent() : null);
                            if (p != null) process(p);
                        }
                        case "error" -> throw new IllegalStateException(file + ": #error " + rest);
                        default -> { } // #pragma, #warning, #ident: nothing a table depends on
                    }
                }
            }
        }
        if (!conds.isEmpty()) throw new IllegalStateException(file + ": unterminated #if");
    }

    private static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                String c = end < 0 ? s.substring(i) : s.substring(i, end + 2);
                // Keep the line breaks so a directive after the comment stays on its own line.
                out.append(' ').append("\n".repeat((int) c.chars().filter(ch -> ch == '\n').count()));
                i = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private boolean evalCondition(String expr) {
        List<String> toks = tokenize(expr);
        // defined X / defined(X) is resolved before macro expansion, as in C.
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            if (toks.get(i).equals("defined")) {
                boolean paren = toks.get(i + 1).equals("(");
                String n = toks.get(paren ? i + 2 : i + 1);
                resolved.add(macros.containsKey(n) ? "1" : "0");
                i += paren ? 3 : 1;
            } else {
                resolved.add(toks.get(i));
            }
        }
        return new Expr(expand(resolved, new HashSet<>(), true)).parse() != 0;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        int pos = 0;
        while (pos < s.length() && m.find(pos) && m.start() == pos) {
            out.add(m.group(1));
            pos = m.end();
        }
        if (!s.substring(pos).isBlank()) throw new IllegalArgumentException("cannot tokenize: " + s.substring(pos));
        return out;
    }

    /**
     * Replaces macro names by their bodies. In #if an unknown name is 0 (C's rule);
     * elsewhere it makes the value unknown. A self-referring macro falls back to
     * an enumerator of that name (glibc's {@code #define SOCK_STREAM SOCK_STREAM}).
     */
    private List<String> expand(List<String> toks, Set<String> active, boolean inIf) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            String t = toks.get(i);
            if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
                out.add(t);
                continue;
            }
            if (CAST_WORDS.contains(t)) {
                out.add("@cast");
                continue;
            }
            Macro m = macros.get(t);
            if (m != null && !active.contains(t)) {
                List<String> body = tokenize(m.body());
                if (m.params() != null) {
                    if (i + 1 >= toks.size() || !toks.get(i + 1).equals("(")) throw new IllegalArgumentException(t);
                    List<List<String>> args = new ArrayList<>();
                    List<String> cur = new ArrayList<>();
                    int depth = 0, j = i + 2;
                    for (; depth > 0 || !toks.get(j).equals(")"); j++) {
                        String a = toks.get(j);
                        if (a.equals("(")) depth++;
                        if (a.equals(")")) depth--;
                        if (a.equals(",") && depth == 0) {
                            args.add(cur);
                            cur = new ArrayList<>();
                        } else {
                            cur.add(a);
                        }
                    }
                    args.add(cur);
                    i = j;
                    List<String> subst = new ArrayList<>();
                    for (int k = 0; k < body.size(); k++) {
                        String b = body.get(k);
                        if (b.equals("##") && !subst.isEmpty() && k + 1 < body.size()) {
                            // Token pasting (glibc's __GLIBC_USE(F): __GLIBC_USE_ ## F): join the neighbours.
                            String next = body.get(++k);
                            int q = m.params().indexOf(next);
                            List<String> right = q >= 0 ? args.get(q) : List.of(next);
                            String left = subst.removeLast();
                            subst.add(left + (right.isEmpty() ? "" : right.getFirst()));
                            if (right.size() > 1) subst.addAll(right.subList(1, right.size()));
                            continue;
                        }
                        int p = m.params().indexOf(b);
                        subst.addAll(p >= 0 ? args.get(p) : List.of(b));
                    }
                    body = subst;
                }
                Set<String> inner = new HashSet<>(active);
                inner.add(t);
                out.addAll(expand(body, inner, inIf));
            } else if (enumerators.containsKey(t) && !active.contains("enum:" + t)) {
                Set<String> inner = new HashSet<>(active);
                inner.add("enum:" + t);
                out.addAll(expand(tokenize(enumerators.get(t)), inner, inIf));
            } else if (inIf) {
                // An unknown function-like name in #if (__has_attribute(x), __GNUC_PREREQ(4, 3)) is 0.
                if (i + 1 < toks.size() && toks.get(i + 1).equals("(")) {
                    int depth = 0, j = i + 1;
                    do {
                        if (toks.get(j).equals("(")) depth++;
                        if (toks.get(j).equals(")")) depth--;
                        j++;
                    } while (depth > 0);
                    i = j - 1;
                }
                out.add("0");
            } else {
                throw new IllegalArgumentException("not a constant: " + t);
            }
        }
        // Drop casts: "(" followed only by type words and ")".
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).equals("(")) {
                int j = i + 1;
                while (j < out.size() && out.get(j).equals("@cast")) j++;
                if (j > i + 1 && j < out.size() && out.get(j).equals(")")) {
                    i = j;
                    continue;
                }
            }
            if (out.get(i).equals("@cast")) throw new IllegalArgumentException("type outside a cast");
            clean.add(out.get(i));
        }
        return clean;
    }

    /** A recursive-descent evaluator for C integer constant expressions over 64-bit longs. */
    private static final class Expr {
        private final List<String> t;
        private int p;

        Expr(List<String> tokens) {
            this.t = tokens;
        }

        long parse() {
            long v = ternary();
            if (p != t.size()) throw new IllegalArgumentException("trailing tokens: " + t.subList(p, t.size()));
            return v;
        }

        private boolean eat(String s) {
            if (p < t.size() && t.get(p).equals(s)) {
                p++;
                return true;
            }
            return false;
        }

        private long ternary() {
            long c = binary(0);
            if (eat("?")) {
                long a = ternary();
                if (!eat(":")) throw new IllegalArgumentException("expected :");
                long b = ternary();
                return c != 0 ? a : b;
            }
            return c;
        }

        private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"),
                List.of("^"), List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="),
                List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));

        private long binary(int level) {
            if (level == LEVELS.size()) return unary();
            long v = binary(level + 1);
            while (p < t.size() && LEVELS.get(level).contains(t.get(p))) {
                String op = t.get(p++);
                long r = binary(level + 1);
                v = switch (op) {
                    case "||" -> (v != 0 || r != 0) ? 1 : 0;
                    case "&&" -> (v != 0 && r != 0) ? 1 : 0;
                    case "|" -> v | r;
                    case "^" -> v ^ r;
                    case "&" -> v & r;
                    case "==" -> v == r ? 1 : 0;
                    case "!=" -> v != r ? 1 : 0;
                    case "<" -> v < r ? 1 : 0;
                    case ">" -> v > r ? 1 : 0;
                    case "<=" -> v <= r ? 1 : 0;
                    case ">=" -> v >= r ? 1 : 0;
                    case "<<" -> v << r;
                    case ">>" -> v >> r;
                    case "+" -> v + r;
                    case "-" -> v - r;
                    case "*" -> v * r;
                    case "/" -> v / r;
                    default -> v % r;
                };
            }
            return v;
        }

        private long unary() {
            if (eat("!")) return unary() == 0 ? 1 : 0;
            if (eat("~")) return ~unary();
            if (eat("-")) return -unary();
            if (eat("+")) return unary();
            if (eat("(")) {
                long v = ternary();
                if (!eat(")")) throw new IllegalArgumentException("expected )");
                return v;
            }
            if (p >= t.size()) throw new IllegalArgumentException("unexpected end");
            String s = t.get(p++);
            if (s.startsWith("'")) {
                String c = s.substring(1, s.length() - 1);
                return c.startsWith("\\") ? switch (c.charAt(1)) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '0' -> 0;
                    default -> c.charAt(1);
                } : c.charAt(0);
            }
            String n = s.replaceAll("[uUlL]+$", "");
            if (n.startsWith("0x") || n.startsWith("0X")) return Long.parseUnsignedLong(n.substring(2), 16);
            if (!n.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException("not a number: " + s);
            if (n.length() > 1 && n.startsWith("0")) return Long.parseUnsignedLong(n.substring(1), 8);
            return Long.parseUnsignedLong(n);
        }
    }
}

package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -s 4 --tef --perfetto} on an exec with a long argv: the strace text
 * is cut to 4 bytes per string and 4 elements (the path stays whole), as strace cuts it, but the
 * timeline files name the process by its whole argv, and TEF's typed execve
 * arguments carry every element whole (nothing there is read back from the
 * {@code -s}-cut text).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TimelineArgvTest {

    /** The JSON value at the parser's current token: a list, a string, a number. */
    private static Object read(JsonParser j) throws java.io.IOException {
        if (j.currentToken() == JsonToken.START_ARRAY) {
            List<Object> out = new ArrayList<>();
            while (j.nextToken() != JsonToken.END_ARRAY) out.add(read(j));
            return out;
        }
        if (j.currentToken() == JsonToken.START_OBJECT) {
            j.skipChildren();
            return null;
        }
        return j.getText();
    }

    @Test
    void processNamesAndExecArgumentsAreTheWholeArgvUnderDashS4(@TempDir Path dir) throws Exception {
        List<String> argv = new ArrayList<>(List.of("/bin/true"));
        for (int i = 0; i < 12; i++) argv.add("argument-number-" + i + "-of-the-exec");
        String longest = "x".repeat(300) + "-end";
        argv.add(longest);
        Path tef = dir.resolve("t.json");
        Path perfetto = dir.resolve("t.pftrace");
        List<String> args = new ArrayList<>(List.of("-s", "4", "-e", "trace=execve", "--tef", tef.toString(),
                "--perfetto", perfetto.toString()));
        args.addAll(argv);
        CliProcess p = CliProcess.jstrace(dir, args.toArray(new String[0]));
        assertTrue(p.process.waitFor(60, TimeUnit.SECONDS), "jstrace finished");
        assertEquals(0, p.process.exitValue());

        String whole = String.join(" ", argv);
        List<String> processNames = new ArrayList<>();
        List<String> execArgv = null;
        String straceText = null;
        try (JsonParser j = new JsonFactory().createParser(Files.readAllBytes(tef))) {
            // Events are flat objects with an args object; collect process_name and execve's argument 1.
            String name = null;
            while (j.nextToken() != null) {
                if (j.currentToken() == JsonToken.FIELD_NAME && j.currentName().equals("name")
                        && j.getParsingContext().getParent().inArray()) {
                    j.nextToken();
                    name = j.getText();
                } else if (j.currentToken() == JsonToken.FIELD_NAME && j.currentName().equals("args")
                        && j.getParsingContext().getParent().inArray()) {
                    j.nextToken();
                    while (j.nextToken() == JsonToken.FIELD_NAME) {
                        String key = j.currentName();
                        j.nextToken();
                        if ("process_name".equals(name) && key.equals("name")) {
                            processNames.add(j.getText());
                        } else if ("execve".equals(name) && key.equals("strace")) {
                            straceText = j.getText();
                        } else if ("execve".equals(name) && key.equals("args")) {
                            List<?> all = (List<?>) read(j);
                            execArgv = new ArrayList<>();
                            for (Object o : (List<?>) all.get(1)) execArgv.add((String) o);
                        } else {
                            j.skipChildren();
                        }
                    }
                }
            }
        }
        assertTrue(processNames.contains(whole), "TEF names the process by its whole argv: " + processNames);
        assertEquals(argv, execArgv, "execve's argv in TEF, element by element, whole");
        assertTrue(straceText != null && straceText.startsWith("execve(\"/bin/true\", [\"/bin\"..., \"argu\"..."),
                "the strace text is cut by -s 4: " + straceText);
        byte[] proto = Files.readAllBytes(perfetto);
        assertTrue(new String(proto, StandardCharsets.ISO_8859_1).contains(longest),
                "the Perfetto trace carries the 304-byte argument whole");
    }
}

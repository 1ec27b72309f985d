package dev.jstrace.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@code /proc} says about a process's threads. */
public final class ProcTasks {
    private ProcTasks() {}

    /** The thread ids of {@code pid}, the leader first; empty when the process does not exist. */
    public static List<Integer> list(int pid) {
        List<Integer> tids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path p : ds) {
                try {
                    tids.add(Integer.parseInt(p.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // not a task directory
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return tids;
        }
        tids.sort((a, b) -> a == pid ? -1 : b == pid ? 1 : Integer.compare(a, b));
        return tids;
    }

    /** The value of a {@code Key:} line of {@code /proc/PID/status}, or null. */
    public static String status(int pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) return line.substring(key.length() + 1).trim();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}

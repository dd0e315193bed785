package dev.praxis.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a log file, to put into an error message instead of sending people hunting. */
final class LogTail {

    private LogTail() {
    }

    static String lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        // Lenient decoding: a process killed mid-write can leave half a UTF-8 sequence behind.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Deque<String> lines = new ArrayDeque<>(count);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (lines.size() == count) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
        return lines.isEmpty() ? "(" + file + " is empty)" : String.join(System.lineSeparator(), lines);
    }
}

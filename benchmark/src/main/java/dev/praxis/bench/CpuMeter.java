package dev.praxis.bench;

import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CPU time each part of the system used between two snapshots: the three services, PostgreSQL
 * (its server processes) and the benchmark's own JVM, which hosts the embedded MongoDB and the load
 * generator. Divided by the calls a step completed, it says which part a faster step must cut,
 * which pages/s on two shared cores cannot.
 */
final class CpuMeter {

    static final String POSTGRES = "PostgreSQL";
    static final String HOST = "MongoDB and load generator";

    /** The kernel's clock ticks per second (USER_HZ) in /proc/PID/task/TID/stat: 100 on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private final LocalSystem system;

    CpuMeter(LocalSystem system) {
        this.system = system;
    }

    /** The CPU a part has used so far, in nanoseconds, and how much of it its JIT compilers' threads used. */
    record Used(long total, long jit) {
    }

    /**
     * CPU used so far, by part. A PostgreSQL backend that has exited is not counted, nor one this
     * user may not see; the JIT's share counts only the compiler threads still alive (the JVM stops
     * idle ones), so it is a lower bound.
     */
    Map<String, Used> snapshot() {
        Map<String, Used> used = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            system.pid(service).ifPresent(pid -> used.put(service.name().toLowerCase(), jvm(pid)));
        }
        // pg_ctl starts the server detached, so its processes are found by name, not as descendants
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        used.put(POSTGRES, new Used(postgres, 0));
        used.put(HOST, jvm(ProcessHandle.current().pid()));
        return used;
    }

    private static Used jvm(long pid) {
        long total = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
        long jit = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                jit += compilerTicks(thread.resolve("stat"));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: no share to report
        }
        return new Used(total, jit * (1_000_000_000L / TICKS_PER_SECOND));
    }

    /** utime + stime of a HotSpot compiler thread ("C1 CompilerThre", "C2 CompilerThre"), else 0. */
    private static long compilerTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String name = line.substring(open + 1, close);
        if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
            return 0;
        }
        // the fields after the name, from field 3 (state); utime and stime are fields 14 and 15
        String[] fields = line.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A load's measured window: the CPU used from its opening to its closing. */
    Window window() {
        return new Window();
    }

    final class Window implements Load.Window {

        private Map<String, Used> opened;
        private Map<String, Used> closed;

        @Override
        public void opened() {
            opened = snapshot();
        }

        @Override
        public void closed() {
            closed = snapshot();
        }

        /** The CPU per call of the window, by part, or "-" when the window never closed. */
        String perCall(long calls) {
            return opened == null || closed == null ? "-" : CpuMeter.perCall(opened, closed, calls);
        }
    }

    /** "command 12.3 ms (JIT 4.0 ms), ..." per call, from two snapshots and the calls between them. */
    static String perCall(Map<String, Used> before, Map<String, Used> after, long calls) {
        StringJoiner parts = new StringJoiner(", ");
        long total = 0;
        long jit = 0;
        double per = Math.max(1, calls) * 1e6;
        for (Map.Entry<String, Used> e : after.entrySet()) {
            Used was = before.getOrDefault(e.getKey(), new Used(0, 0));
            long used = e.getValue().total() - was.total();
            long compiling = Math.max(0, e.getValue().jit() - was.jit());
            total += used;
            jit += compiling;
            parts.add("%s %s%s".formatted(e.getKey(), Report.ms(used / per),
                    compiling > 0 ? " (JIT " + Report.ms(compiling / per) + ")" : ""));
        }
        return "%s in all, JIT at least %s (%s)".formatted(Report.ms(total / per), Report.ms(jit / per), parts);
    }
}

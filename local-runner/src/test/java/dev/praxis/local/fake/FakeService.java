package dev.praxis.local.fake;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in the runner's own tests: it answers the actuator health
 * endpoint on {@code --server.port} and prints its arguments, one a line, for the test to read
 * from the log. Only JDK classes, so it runs from a jar holding just this package.
 */
final class FakeService {

    private FakeService() {
    }

    static void serve(String[] args, String status, int httpStatus) throws IOException {
        System.out.println("fake service pid " + ProcessHandle.current().pid());
        int port = -1;
        for (String arg : args) {
            System.out.println("arg " + arg);
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            }
        }
        if (port < 0) {
            throw new IllegalArgumentException("no --server.port given");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(httpStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }
}

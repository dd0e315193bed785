package dev.praxis.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before anything starts, so that a clash is reported by name rather than in a log. */
final class Ports {

    private Ports() {
    }

    /**
     * A port that is free right now. Another process could take it before we bind it; on a
     * developer machine or CI that race is rare enough, and losing it fails loudly in the log.
     */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalSystemException("Cannot find a free local port: " + e.getMessage(), e);
        }
    }

    /**
     * Throws when {@code port} is taken. It binds the wildcard address, as the services do: that
     * also fails when another process holds the port on the loopback address only.
     */
    static void requireFree(int port, String owner) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PortInUseException(port, owner);
        }
    }
}

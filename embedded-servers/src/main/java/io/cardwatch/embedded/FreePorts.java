package io.cardwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks loopback ports that are free right now, and tells whether a given one is. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /**
     * Whether a server could listen on {@code port} now. It binds every interface, so that a program listening on any
     * of them counts, as the services themselves listen on all interfaces.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** Fails with a message naming the port and the server that wanted it if another program holds it. */
    static void requireFree(int port, String server) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + ", where " + server
                    + " is to listen, is in use by another program.");
        }
    }
}

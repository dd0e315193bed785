package dev.praxis.local;

/** A fixed port that the local system needs is already taken by another process. */
public class PortInUseException extends LocalSystemException {

    private final int port;
    private final String owner;

    public PortInUseException(int port, String owner) {
        super("Port " + port + " for " + owner + " is already in use"
                + " (is another Praxis still running? `ss -ltnp 'sport = :" + port + "'` shows who holds it).");
        this.port = port;
        this.owner = owner;
    }

    public int port() {
        return port;
    }

    /** What the port was meant for: {@code postgres}, {@code mongo} or a service's module name. */
    public String owner() {
        return owner;
    }
}

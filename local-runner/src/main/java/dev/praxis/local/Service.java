package dev.praxis.local;

/**
 * The three Praxis services, in the order they start: the command service owns the Flyway
 * migration of the event store, so it must be healthy before the query service tails that store.
 */
public enum Service {

    COMMAND("command-service"),
    QUERY("query-service"),
    GATEWAY("api-gateway");

    private final String moduleName;

    Service(String moduleName) {
        this.moduleName = moduleName;
    }

    /** The Maven module, which is also the name of its jar, its log file and how messages name it. */
    public String moduleName() {
        return moduleName;
    }

    public String jarName() {
        return moduleName + ".jar";
    }

    @Override
    public String toString() {
        return moduleName;
    }
}

package dev.praxis.local.fake;

/** A service that fails during start-up, as one with a bad configuration. */
public final class CrashingService {

    private CrashingService() {
    }

    public static void main(String[] args) {
        System.out.println("Application run failed: boom, the datasource URL is wrong");
        System.exit(3);
    }
}

package dev.praxis.local.fake;

/** A service that comes up healthy and runs until it is stopped. */
public final class HealthyService {

    private HealthyService() {
    }

    public static void main(String[] args) throws Exception {
        FakeService.serve(args, "UP", 200);
    }
}

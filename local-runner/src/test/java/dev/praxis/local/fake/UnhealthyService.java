package dev.praxis.local.fake;

/** A service that runs but never becomes healthy, as one whose database never answers. */
public final class UnhealthyService {

    private UnhealthyService() {
    }

    public static void main(String[] args) throws Exception {
        FakeService.serve(args, "DOWN", 503);
    }
}

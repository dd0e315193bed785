package dev.praxis.gateway.client;

import dev.praxis.gateway.error.ClientErrorException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps mutations from telling a non-member that a private community's content exists. The command
 * side refuses a non-member's act on a question, an answer or an article for what it is
 * ({@code NOT_A_MEMBER}, {@code NOT_THE_AUTHOR}, ...), which would confirm that the id names
 * something. When it refuses, and only then (a successful command costs no extra read), the gateway
 * asks whether the viewer may read the target; if not, the answer is {@code NOT_FOUND}, exactly as
 * for an id that names nothing.
 */
public final class UnreadableTargets {

    /** Refusals that speak about the target; input errors and unavailability pass unchanged. */
    private static final Set<String> TELLING_KINDS = Set.of("FORBIDDEN", "CONFLICT");

    private UnreadableTargets() {
    }

    /**
     * Runs the mutation; a refusal of a target the viewer may not read becomes NOT_FOUND with
     * {@code code} ("UNKNOWN_QUESTION", ...), and {@code what} names the target in its message.
     */
    public static <T> T hidden(Supplier<T> mutation, BooleanSupplier readable, String code, String what) {
        try {
            return mutation.get();
        }
        catch (DownstreamException refused) {
            if (refused.error().kind() != null && TELLING_KINDS.contains(refused.error().kind()) && !readable.getAsBoolean()) {
                throw ClientErrorException.notFound(code, "There is no " + what + " with this id.");
            }
            throw refused;
        }
    }
}

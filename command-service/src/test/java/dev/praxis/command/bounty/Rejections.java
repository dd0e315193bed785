package dev.praxis.command.bounty;

import dev.praxis.command.shared.CommandRejectedException;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;

/** Asserts that a command was refused with a code and wrote no events. */
public final class Rejections {

    private Rejections() {
    }

    public static <T> void rejected(ResultValidator<T> result, String code) {
        result.expectException(CommandRejectedException.class)
                .expectException(Matchers.predicate(e -> e instanceof CommandRejectedException rejected
                        && rejected.code().equals(code)))
                .expectNoEvents();
    }
}

package dev.praxis.command.community;

import dev.praxis.api.shared.Rejection;
import dev.praxis.command.shared.CommandRejectedException;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Asserts a refusal by its kind and code, with no event applied. */
final class Refusals {

    private Refusals() {
    }

    static void refused(ResultValidator<?> result, Rejection kind, String code) {
        result.expectException(rejection(kind, code)).expectNoEvents();
    }

    static Matcher<CommandRejectedException> rejection(Rejection kind, String code) {
        return new CustomTypeSafeMatcher<>("a rejection " + kind + " / " + code) {
            @Override
            protected boolean matchesSafely(CommandRejectedException item) {
                return item.kind() == kind && item.code().equals(code);
            }
        };
    }
}

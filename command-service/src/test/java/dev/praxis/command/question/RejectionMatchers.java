package dev.praxis.command.question;

import dev.praxis.command.shared.CommandRejectedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link CommandRejectedException} by its stable code. */
public final class RejectionMatchers {

    private RejectionMatchers() {
    }

    public static Matcher<CommandRejectedException> rejectedWith(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException exception) {
                return code.equals(exception.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code " + code);
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException exception, Description description) {
                description.appendText("was " + exception.code() + ": " + exception.getMessage());
            }
        };
    }
}

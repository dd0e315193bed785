package dev.praxis.command.tag;

import dev.praxis.command.shared.CommandRejectedException;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link CommandRejectedException} by its stable code. */
public final class RejectedWith extends TypeSafeMatcher<CommandRejectedException> {

    private final String code;

    private RejectedWith(String code) {
        this.code = code;
    }

    public static RejectedWith code(String code) {
        return new RejectedWith(code);
    }

    @Override
    protected boolean matchesSafely(CommandRejectedException e) {
        return code.equals(e.code());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a command rejected with code ").appendValue(code);
    }
}

package dev.praxis.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.graphql.ResponseError;

/** Assertions on the {@code errors} of a GraphQL response. */
public final class GraphQlErrors {

    private GraphQlErrors() {
    }

    /** Exactly one error, with this classification and code. */
    public static Consumer<List<ResponseError>> single(String classification, String code) {
        return errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", classification);
            if (code != null) {
                assertThat(error.getExtensions()).containsEntry("code", code);
            }
        });
    }
}

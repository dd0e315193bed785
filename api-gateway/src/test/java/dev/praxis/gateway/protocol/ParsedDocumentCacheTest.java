package dev.praxis.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.language.Document;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache of parsed documents, in front of the real GraphQL engine: what is parsed, and what is kept. */
class ParsedDocumentCacheTest {

    private static final String GREETING = "query Greeting($name: String) { greeting(name: $name) }";

    private final AtomicInteger parses = new AtomicInteger();
    private ParsedDocumentCache cache;
    private GraphQL graphQl;

    @BeforeEach
    void engine() {
        engine(1_000_000);
    }

    private void engine(long maxCharacters) {
        var schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { greeting(name: String): String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("greeting",
                        env -> "Hello, " + env.getArgument("name"))).build());
        cache = new ParsedDocumentCache(new ApolloPersistedQuerySupport(new BoundedPersistedQueryCache(10)), maxCharacters);
        graphQl = GraphQL.newGraphQL(schema).preparsedDocumentProvider(cache).instrumentation(new CountingParses()).build();
    }

    @Test
    void theSameTextWithOtherVariablesIsParsedOnceAndAnsweredForItsOwnVariables() {
        ExecutionResult ada = run(GREETING, Map.of("name", "Ada"));
        ExecutionResult alan = run(GREETING, Map.of("name", "Alan"));

        assertThat(ada.<Map<String, Object>>getData()).containsEntry("greeting", "Hello, Ada");
        assertThat(alan.<Map<String, Object>>getData()).containsEntry("greeting", "Hello, Alan");
        assertThat(parses).hasValue(1);
        assertThat(cache.size()).containsExactly(1, GREETING.length());
    }

    @Test
    void aTextThatDoesNotValidateIsNotKeptAndFailsEachTimeWithItsErrors() {
        String wrong = "{ farewell }";
        ExecutionResult first = run(wrong, Map.of());
        ExecutionResult second = run(wrong, Map.of());

        assertThat(first.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("farewell"));
        assertThat(second.getErrors()).hasSize(1);
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).containsExactly(0, 0);
    }

    @Test
    void theLeastRecentlyUsedTextsGoWhenTheCharacterBudgetIsSpent() {
        String a = "{ greeting(name: \"a\") }";
        String b = "{ greeting(name: \"b\") }";
        String c = "{ greeting(name: \"c\") }";
        engine(2L * a.length());

        run(a, Map.of());
        run(b, Map.of());
        run(a, Map.of());  // a is now the most recently used
        run(c, Map.of());  // over budget: b goes
        assertThat(parses).hasValue(3);
        assertThat(cache.size()).containsExactly(2, 2L * a.length());

        run(a, Map.of());
        run(c, Map.of());
        assertThat(parses).as("a and c are kept").hasValue(3);
        run(b, Map.of());
        assertThat(parses).as("b was dropped").hasValue(4);
    }

    @Test
    void aTextLargerThanTheWholeBudgetIsParsedEachTimeAndKeepsNothing() {
        engine(10);
        run(GREETING, Map.of("name", "Ada"));
        run(GREETING, Map.of("name", "Ada"));

        assertThat(parses).hasValue(2);
        assertThat(cache.size()).containsExactly(0, 0);
    }

    @Test
    void aPersistedQueryIsLeftToThePersistedQueryCacheByItsHash() {
        String hash = "34e8b9b0c1ebbd39bb6d0bb3b2b0a11ab7e5f0b28f5e7fc3a5b41ff7bde6d1c1";
        ExecutionResult unknown = graphQl.execute(ExecutionInput.newExecutionInput()
                .query(ApolloPersistedQuerySupport.PERSISTED_QUERY_MARKER)
                .extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))).build());

        assertThat(unknown.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("PersistedQueryNotFound"));
        assertThat(cache.size()).containsExactly(0, 0);
    }

    private ExecutionResult run(String query, Map<String, Object> variables) {
        return graphQl.execute(ExecutionInput.newExecutionInput().query(query).variables(variables).build());
    }

    /** Counts the documents GraphQL Java parses: a cached one is not parsed. */
    private final class CountingParses extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            parses.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }
    }
}

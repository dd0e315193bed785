package dev.praxis.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The schema that front-end teams read is {@code docs/schema.graphqls}: the running schema, printed
 * whole in one file. This test fails when the file is stale; to write it anew, run
 * <pre>
 * mvn -o -pl api-gateway -am test -Dtest=PublishedSchemaTest -Dsurefire.failIfNoSpecifiedTests=false -Dpraxis.schema.write=true
 * </pre>
 * It also fails for any type or field of the public API that has no description.
 */
@SpringBootTest(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
class PublishedSchemaTest {

    static final Path PUBLISHED = Path.of("..", "docs", "schema.graphqls");

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void thePublishedSchemaIsTheRunningOne() throws IOException {
        String running = print(graphQlSource.schema());
        if (Boolean.getBoolean("praxis.schema.write")) {
            Files.writeString(PUBLISHED, running, StandardCharsets.UTF_8);
        }

        assertThat(PUBLISHED).as("docs/schema.graphqls: regenerate it with -Dpraxis.schema.write=true").exists();
        assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8))
                .as("docs/schema.graphqls is stale: regenerate it with -Dpraxis.schema.write=true")
                .isEqualTo(running);
    }

    @Test
    void everyTypeAndFieldIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__") || isBuiltInScalar(type)) {
                continue;
            }
            if (isRootType(type.getName())) {
                // Query and Mutation are described by their fields.
            }
            else if (blank(description(type))) {
                undescribed.add(type.getName());
            }
            if (type instanceof GraphQLFieldsContainer container) {
                container.getFieldDefinitions().stream()
                        .filter(field -> blank(field.getDescription()))
                        .forEach(field -> undescribed.add(type.getName() + "." + field.getName()));
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream()
                        .filter(field -> blank(field.getDescription()))
                        .forEach(field -> undescribed.add(type.getName() + "." + field.getName()));
            }
        }

        assertThat(undescribed).as("types and fields without a description").isEmpty();
    }

    static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeSchemaDefinition(true)
                .includeDirectiveDefinitions(false)
                .includeScalarTypes(true))
                .print(schema);
    }

    private static String description(GraphQLNamedType type) {
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getDescription();
        }
        return type.getDescription();
    }

    private static boolean isRootType(String name) {
        return name.equals("Query") || name.equals("Mutation") || name.equals("Subscription");
    }

    private static boolean isBuiltInScalar(GraphQLNamedType type) {
        return List.of("String", "Int", "Float", "Boolean", "ID").contains(type.getName());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

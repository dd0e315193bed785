package dev.praxis.gateway.schema;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code DateTime} scalar: an instant written as an ISO-8601 string in UTC, such as
 * {@code 2025-03-01T09:30:00Z}. Input may carry any offset; it is read as the instant it denotes.
 */
public final class DateTimeScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant as an ISO-8601 string in UTC, such as 2025-03-01T09:30:00Z.")
            .coercing(new InstantCoercing())
            .build();

    private DateTimeScalar() {
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            if (value instanceof OffsetDateTime dateTime) {
                return dateTime.toInstant().toString();
            }
            if (value instanceof ZonedDateTime dateTime) {
                return dateTime.toInstant().toString();
            }
            if (value instanceof String text) {
                try {
                    return parse(text).toString();
                }
                catch (DateTimeParseException e) {
                    throw new CoercingSerializeException("Not an ISO-8601 date-time: " + text, e);
                }
            }
            throw new CoercingSerializeException("Cannot write a " + value.getClass().getSimpleName() + " as a DateTime");
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Instant instant) {
                return instant;
            }
            if (input instanceof String text) {
                try {
                    return parse(text);
                }
                catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("Not an ISO-8601 date-time: " + text, e);
                }
            }
            throw new CoercingParseValueException("A DateTime is an ISO-8601 string");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return parse(text.getValue());
                }
                catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("Not an ISO-8601 date-time: " + text.getValue(), e);
                }
            }
            throw new CoercingParseLiteralException("A DateTime is an ISO-8601 string");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }

        private static Instant parse(String text) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}

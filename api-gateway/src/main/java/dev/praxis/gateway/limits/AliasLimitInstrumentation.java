package dev.praxis.gateway.limits;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.List;

/**
 * Refuses a document with more aliased fields than allowed, before it is even validated: aliases
 * let a small document ask for one costly field hundreds of times, and validating many aliases of
 * one field is itself quadratic work.
 */
class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;

    AliasLimitInstrumentation(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        int[] aliases = new int[1];
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getAlias() != null) {
                    aliases[0]++;
                }
                return TraversalControl.CONTINUE;
            }
        }, parameters.getDocument().getDefinitions());
        if (aliases[0] > maxAliases) {
            throw Refusals.badRequest("TOO_MANY_ALIASES", "The document has " + aliases[0]
                    + " aliased fields; at most " + maxAliases + " are allowed.");
        }
        return SimpleInstrumentationContext.noOp();
    }
}

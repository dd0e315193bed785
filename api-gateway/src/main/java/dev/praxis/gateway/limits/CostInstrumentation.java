package dev.praxis.gateway.limits;

import dev.praxis.gateway.error.PraxisErrorType;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;

/**
 * The last check before an operation runs: a mutation may not come as a GET; the operation's
 * {@link QueryCost} may not exceed the maximum; and its points are charged to the caller's budget,
 * or the operation is refused with {@code RATE_LIMITED} when the budget is spent. The budget after
 * the charge is left in the request's {@link CallerLimits} for the response.
 */
class CostInstrumentation extends SimplePerformantInstrumentation {

    private final LimitsProperties limits;
    private final CallerBudgets budgets;

    CostInstrumentation(LimitsProperties limits, CallerBudgets budgets) {
        this.limits = limits;
        this.budgets = budgets;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        CallerLimits caller = CallerLimits.of(execution.getGraphQLContext());
        OperationDefinition.Operation operation = execution.getOperationDefinition().getOperation();
        if (caller != null && caller.viaGet() && operation != OperationDefinition.Operation.QUERY) {
            throw Refusals.badRequest("GET_ONLY_FOR_QUERIES", "Send a " + operation.name().toLowerCase()
                    + " as a POST: GET is only for queries.");
        }
        QueryCost cost = QueryCost.of(execution, limits.requestsPerPoint());
        if (cost.points() > limits.maxCost()) {
            throw Refusals.badRequest("QUERY_TOO_COSTLY", "The operation costs " + cost.points()
                    + " points (it may need " + cost.requests() + " backend requests); at most " + limits.maxCost()
                    + " are allowed. Ask for smaller pages, or fewer nested connections.");
        }
        if (caller != null) {
            CallerBudgets.Charge charge = budgets.charge(caller.caller(), cost.points());
            caller.rateLimit().set(charge.rateLimit());
            if (!charge.granted()) {
                throw Refusals.abort(PraxisErrorType.RATE_LIMITED, "RATE_LIMITED", "This operation costs "
                        + cost.points() + " points and " + charge.rateLimit().remaining()
                        + " are left of your budget for the hour; it renews at " + charge.rateLimit().resetAt() + ".");
            }
        }
        return SimpleInstrumentationContext.noOp();
    }
}

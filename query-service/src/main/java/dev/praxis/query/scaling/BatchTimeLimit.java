package dev.praxis.query.scaling;

import dev.praxis.api.shared.HandlingTimeLimit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The time limit on a processor's batch ({@link HandlingTimeLimit}), in place of Axon's
 * ({@code axon.timeout.transaction.event-processors}, whose auto-configuration is excluded in
 * application.yml): a batch still running after the warning threshold is logged with its thread's
 * stack trace, every warning interval, and interrupted at the timeout; it then fails with Axon's
 * {@code AxonTimeoutException} and is delivered again, like any failed batch. (An interruption cannot
 * end a blocked read of the synchronous MongoDB driver; the warnings name where a batch hangs.)
 */
final class BatchTimeLimit implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String TASK = BatchTimeLimit.class.getName();

    private final String processor;
    private final HandlingTimeLimit limit;

    BatchTimeLimit(String processor, HandlingTimeLimit limit) {
        this.processor = processor;
        this.limit = limit;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        boolean first = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isFirstMessage();
        boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        HandlingTimeLimit.Task task = first
                ? unitOfWork.getOrComputeResource(TASK, key -> limit.start(processor))
                : unitOfWork.getResource(TASK);
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception | Error failed) {
            if (task != null) {
                task.finish(); // the batch ends here: out of time, its timeout instead
            }
            throw failed;
        }
        if (last && task != null) {
            task.finish();
        }
        return result;
    }
}

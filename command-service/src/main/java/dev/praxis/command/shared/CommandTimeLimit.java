package dev.praxis.command.shared;

import dev.praxis.api.shared.HandlingTimeLimit;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time limit on handling a command ({@link HandlingTimeLimit}), in place of Axon's, whose
 * auto-configuration is excluded in application.yml: a command still running after the warning
 * threshold is logged with its thread's stack trace, every warning interval, and interrupted at the
 * timeout; it then fails with Axon's {@code AxonTimeoutException}, and its unit of work rolls back.
 */
@Component
public class CommandTimeLimit implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final HandlingTimeLimit limit;

    public CommandTimeLimit(CommandBus commandBus,
                            @Value("${praxis.command.time-limit.timeout:30s}") Duration timeout,
                            @Value("${praxis.command.time-limit.warning-threshold:10s}") Duration warningThreshold,
                            @Value("${praxis.command.time-limit.warning-interval:1s}") Duration warningInterval,
                            @Value("${praxis.command.time-limit.check-every:100ms}") Duration checkEvery) {
        this.limit = new HandlingTimeLimit("Command", timeout, warningThreshold, warningInterval, checkEvery,
                LoggerFactory.getLogger(CommandTimeLimit.class));
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        HandlingTimeLimit.Task command = limit.start(unitOfWork.getMessage().getCommandName());
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception | Error failed) {
            command.finish(); // out of time: its timeout instead of what the interruption caused
            throw failed;
        }
        command.finish(); // out of time although its handler swallowed the interruption: fails all the same
        return result;
    }

    @PreDestroy
    void stop() {
        limit.close();
    }
}

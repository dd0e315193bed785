package dev.praxis.command.privacy;

import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.command.shared.CommandRejectedException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * An erased member sends no further command, whatever it is: acting again would write new data about
 * a person who asked to be forgotten. Checked on the command bus, so that every way in (HTTP, the
 * importer, schedulers) is covered. Axon registers it on the command bus as it does every
 * interceptor bean (registering it here as well ran the check twice per command).
 */
@Component
public class ErasedMembersRefused implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcMemberKeys keys;

    public ErasedMembersRefused(JdbcMemberKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof PraxisCommand command && command.actorId() != null && keys.isErased(command.actorId())) {
            throw CommandRejectedException.forbidden("MEMBER_ERASED",
                    "This member's personal data was erased; the account can no longer act.");
        }
        return chain.proceed();
    }
}

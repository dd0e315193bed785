package dev.praxis.command.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The command time limit on Axon's own command bus: a slow command is warned about with what its
 * thread is doing, interrupted at the limit and answered with Axon's timeout error, also when its
 * handler swallowed the interruption; a quick command is never touched, and no interruption is left
 * on the thread for its next request.
 */
class CommandTimeLimitTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CommandTimeLimit.class);
    private CommandTimeLimit limit;

    @BeforeEach
    void limitEachCommand() {
        logged.start();
        logger.addAppender(logged);
        limit = new CommandTimeLimit(bus, Duration.ofMillis(400), Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(10));
        bus.subscribe("slow", command -> {
            Thread.sleep(10_000);
            return "slept";
        });
        bus.subscribe("swallowing", command -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                // a handler that ignores the interruption and returns as if it had finished
            }
            return "done anyway";
        });
        bus.subscribe("quick", command -> "done");
    }

    @AfterEach
    void stop() {
        limit.stop();
        logger.detachAppender(logged);
    }

    @Test
    void aSlowCommandIsWarnedAboutThenInterruptedAtItsLimit() throws Exception {
        long started = System.nanoTime();
        CommandResultMessage<?> result = dispatch("slow");

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class).hasMessageContaining("slow");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .hasSizeBetween(2, 4)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("Command slow has run for", "Thread.sleep"));
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("past its time limit", "Thread.sleep"));
    }

    @Test
    void aCommandWhoseHandlerSwallowedTheInterruptionFailsAllTheSame() throws Exception {
        CommandResultMessage<?> result = dispatch("swallowing");

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aQuickCommandIsNeitherWarnedAboutNorInterrupted() throws Exception {
        for (int i = 0; i < 200; i++) {
            CommandResultMessage<?> result = dispatch("quick");
            assertThat(result.isExceptional()).isFalse();
            assertThat(result.getPayload()).isEqualTo("done");
        }
        Thread.sleep(150); // a few rounds of the janitor after them
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(logged.list).isEmpty();
    }

    private CommandResultMessage<?> dispatch(String name) throws Exception {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        CommandMessage<Object> command = new GenericCommandMessage<>(GenericCommandMessage.asCommandMessage("payload"), name);
        bus.dispatch(command, (message, result) -> answer.complete(result));
        return answer.get(20, TimeUnit.SECONDS);
    }
}

package dev.praxis.command.web;

import dev.praxis.api.shared.PraxisCommand;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The commands of the contract by their simple names, found once at start-up in core-api, so that
 * a new command record needs no change here.
 */
@Component
public class CommandRegistry {

    private final Map<String, Class<? extends PraxisCommand>> byName = new TreeMap<>();

    public CommandRegistry() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PraxisCommand.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.praxis.api")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            if (type.isRecord()) {
                byName.put(type.getSimpleName(), type.asSubclass(PraxisCommand.class));
            }
        }
    }

    public Optional<Class<? extends PraxisCommand>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}

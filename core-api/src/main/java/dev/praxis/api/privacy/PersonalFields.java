package dev.praxis.api.privacy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PersonalData} components of a message class, found once per class.
 *
 * @param fields each personal component with the component naming its subject
 */
public record PersonalFields(List<Field> fields) {

    /** One personal text and the component that names whose it is. */
    public record Field(String name, String subject) {
    }

    private static final PersonalFields NONE = new PersonalFields(List.of());
    private static final Map<Class<?>, PersonalFields> BY_CLASS = new ConcurrentHashMap<>();

    public static PersonalFields of(Class<?> type) {
        return BY_CLASS.computeIfAbsent(type, PersonalFields::inspect);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    private static PersonalFields inspect(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        List<Field> found = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal == null) {
                continue;
            }
            if (component.getType() != String.class) {
                throw new IllegalStateException(type.getName() + "." + component.getName()
                        + ": only text components can be personal data");
            }
            if (!hasTextComponent(components, personal.subject())) {
                throw new IllegalStateException(type.getName() + "." + component.getName()
                        + ": its subject component '" + personal.subject() + "' is missing");
            }
            found.add(new Field(component.getName(), personal.subject()));
        }
        return found.isEmpty() ? NONE : new PersonalFields(List.copyOf(found));
    }

    private static boolean hasTextComponent(RecordComponent[] components, String name) {
        for (RecordComponent component : components) {
            if (component.getName().equals(name) && component.getType() == String.class) {
                return true;
            }
        }
        return false;
    }
}

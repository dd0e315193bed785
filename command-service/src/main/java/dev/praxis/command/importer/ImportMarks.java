package dev.praxis.command.importer;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The marks of an imported act: the importer sends each command with the metadata {@code imported},
 * {@code importSource} (the dump) and {@code sourceId} (the record, e.g. {@code Posts/123}), and this
 * provider copies them onto every event the command produces, for auditors. The public command API
 * never sets these keys (it builds its metadata itself), so only the in-process importer can mark a
 * command as imported.
 */
@Component
public class ImportMarks implements CorrelationDataProvider {

    public static final String IMPORTED = "imported";
    public static final String IMPORT_SOURCE = "importSource";
    public static final String SOURCE_ID = "sourceId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : new String[] {IMPORTED, IMPORT_SOURCE, SOURCE_ID}) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }

    /** Whether the message is marked as imported by the importer. */
    public static boolean isImported(Message<?> message) {
        return message != null && Boolean.TRUE.equals(message.getMetaData().get(IMPORTED));
    }

    /**
     * Whether the command being handled on this thread is an imported one: privilege gates by
     * reputation were passed on the original site and are not checked again (structural rules are).
     */
    public static boolean handlingImportedCommand() {
        return CurrentUnitOfWork.isStarted() && isImported(CurrentUnitOfWork.get().root().getMessage());
    }
}

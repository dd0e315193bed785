package dev.praxis.command.importer;

import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which source record became which Praxis object ({@code import_source}). The row is written by a
 * command handler interceptor in the transaction that appends the imported command's events, so a
 * record counts as imported if and only if its events are stored: re-running an import skips it,
 * and an interrupted import resumes after the last record that took effect.
 */
@Component
public class ImportSources implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Metadata of an imported command: the Praxis id its record became (not copied onto events). */
    static final String TARGET_ID = "importTargetId";

    private final JdbcTemplate jdbc;

    /** Axon registers this bean on the command bus as a handler interceptor by its type. */
    public ImportSources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The Praxis id the record became, if it was imported. */
    public Optional<String> find(String source, String sourceId) {
        return jdbc.query("SELECT praxis_id FROM import_source WHERE source = ? AND source_id = ?",
                (rs, n) -> rs.getString(1), source, sourceId).stream().findFirst();
    }

    public boolean contains(String source, String sourceId) {
        return find(source, sourceId).isPresent();
    }

    public long count(String source) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM import_source WHERE source = ?", Long.class, source);
        return n == null ? 0 : n;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        if (ImportMarks.isImported(command)) {
            Object source = command.getMetaData().get(ImportMarks.IMPORT_SOURCE);
            Object sourceId = command.getMetaData().get(ImportMarks.SOURCE_ID);
            Object target = command.getMetaData().get(TARGET_ID);
            if (source != null && sourceId != null) {
                // An import commits one transaction per record, hundreds per second: it does not wait for
                // each commit to reach the disk. A crash loses at most the last records (events and their
                // import_source rows together, never one without the other), and the next run redoes them.
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
                unitOfWork.onPrepareCommit(uow -> jdbc.update("""
                        INSERT INTO import_source (source, source_id, praxis_id, command) VALUES (?, ?, ?, ?)""",
                        source.toString(), sourceId.toString(), target == null ? "" : target.toString(),
                        command.getPayloadType().getSimpleName()));
            }
        }
        return result;
    }
}

package dev.praxis.query.replay;

import dev.praxis.query.shared.AccessReportingDatabaseFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The read database as every {@code MongoTemplate} of the query service sees it, with each
 * collection name resolved to its generation: on a thread of a running replay, the replayed
 * projections' collections are the replay's new generation; everywhere else (queries, live
 * processors) each collection is its live generation, as the control document names it. Code keeps
 * using the plain names; before any replay every name is itself. It wraps Spring Boot's factory.
 *
 * <p>Only the calls that name a collection are routed ({@code getCollection},
 * {@code createCollection}, {@code createView}); {@code listCollectionNames} answers physical
 * names. Aggregation stages that name another collection ({@code $lookup}, {@code $out}) are not
 * rewritten: the read models do not use them.
 *
 * <p>As an {@link AccessReportingDatabaseFactory}, every collection taken from it first sends the
 * writes the calling thread holds back for that collection, so a projection always reads what it wrote.
 */
final class GenerationRoutingDatabaseFactory extends AccessReportingDatabaseFactory {

    private final Generations generations;

    GenerationRoutingDatabaseFactory(MongoDatabaseFactory delegate, Generations generations) {
        super(delegate);
        this.generations = generations;
    }

    Generations generations() {
        return generations;
    }

    /** The physical name of a collection for the calling thread. */
    @Override
    protected String resolve(String collection) {
        ReplayTarget target = ReplayTarget.current();
        if (target != null && target.owns(collection)) {
            return Generations.physical(collection, target.generation());
        }
        return generations.live(collection);
    }

    @Override
    protected MongoDatabaseFactory over(MongoDatabaseFactory delegate) {
        return new GenerationRoutingDatabaseFactory(delegate, generations);
    }
}

package dev.praxis.query.replay;

import dev.praxis.query.shared.PendingWrites;
import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
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
 * <p>Every collection taken from it first sends the writes the calling thread holds back for that
 * collection ({@link PendingWrites}), so a projection always reads what it wrote.
 */
final class GenerationRoutingDatabaseFactory implements MongoDatabaseFactory, PendingWrites.AccessAware {

    private final MongoDatabaseFactory delegate;
    private final Generations generations;

    GenerationRoutingDatabaseFactory(MongoDatabaseFactory delegate, Generations generations) {
        this.delegate = delegate;
        this.generations = generations;
    }

    Generations generations() {
        return generations;
    }

    @Override
    public MongoDatabase getMongoDatabase() throws DataAccessException {
        return route(delegate.getMongoDatabase());
    }

    @Override
    public MongoDatabase getMongoDatabase(String dbName) throws DataAccessException {
        return route(delegate.getMongoDatabase(dbName));
    }

    @Override
    public PersistenceExceptionTranslator getExceptionTranslator() {
        return delegate.getExceptionTranslator();
    }

    @Override
    public ClientSession getSession(ClientSessionOptions options) {
        return delegate.getSession(options);
    }

    @Override
    public MongoDatabaseFactory withSession(ClientSession session) {
        return new GenerationRoutingDatabaseFactory(delegate.withSession(session), generations);
    }

    @Override
    public boolean isTransactionActive() {
        return delegate.isTransactionActive();
    }

    /** The physical name of a collection for the calling thread. */
    String resolve(String collection) {
        ReplayTarget target = ReplayTarget.current();
        if (target != null && target.owns(collection)) {
            return Generations.physical(collection, target.generation());
        }
        return generations.live(collection);
    }

    private MongoDatabase route(MongoDatabase database) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, new Routing(database));
    }

    private final class Routing implements InvocationHandler {

        private final MongoDatabase database;

        Routing(MongoDatabase database) {
            this.database = database;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("toString")) {
                return "routed " + database;
            }
            if (args != null && (name.equals("getCollection") || name.equals("createCollection") || name.equals("createView"))) {
                // the collection name is the first String argument (after an optional ClientSession)
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof String collection) {
                        PendingWrites.beforeAccess(collection);
                        args[i] = resolve(collection);
                        break;
                    }
                }
            }
            Object result;
            try {
                result = method.invoke(database, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            // withCodecRegistry, withWriteConcern, ...: the copy routes too
            return result instanceof MongoDatabase copy && name.startsWith("with") ? route(copy) : result;
        }
    }
}

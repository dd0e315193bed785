package dev.praxis.query.shared;

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
 * A database factory whose databases report every collection taken from them to
 * {@link PendingWrites#beforeAccess}, so that a template built on it may hold writes back for the
 * batch: a projection then always reads what it wrote. The query service's factory, which also
 * routes each collection to its generation, is one ({@code GenerationRoutingDatabaseFactory}
 * overrides {@link #resolve}); a template built on a plain factory, such as a test's, wraps it in
 * this one.
 *
 * <p>Only the calls that name a collection are reported and resolved ({@code getCollection},
 * {@code createCollection}, {@code createView}).
 */
public class AccessReportingDatabaseFactory implements MongoDatabaseFactory, PendingWrites.AccessAware {

    private final MongoDatabaseFactory delegate;

    public AccessReportingDatabaseFactory(MongoDatabaseFactory delegate) {
        this.delegate = delegate;
    }

    /** The physical name of a collection for the calling thread: here the name itself. */
    protected String resolve(String collection) {
        return collection;
    }

    /** This factory over another delegate (the same one with a session). */
    protected MongoDatabaseFactory over(MongoDatabaseFactory delegate) {
        return new AccessReportingDatabaseFactory(delegate);
    }

    @Override
    public MongoDatabase getMongoDatabase() throws DataAccessException {
        return reporting(delegate.getMongoDatabase());
    }

    @Override
    public MongoDatabase getMongoDatabase(String dbName) throws DataAccessException {
        return reporting(delegate.getMongoDatabase(dbName));
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
        return over(delegate.withSession(session));
    }

    @Override
    public boolean isTransactionActive() {
        return delegate.isTransactionActive();
    }

    private MongoDatabase reporting(MongoDatabase database) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, new Reporting(database));
    }

    private final class Reporting implements InvocationHandler {

        private final MongoDatabase database;

        Reporting(MongoDatabase database) {
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
                return "reporting " + database;
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
            // withCodecRegistry, withWriteConcern, ...: the copy reports too
            return result instanceof MongoDatabase copy && name.startsWith("with") ? reporting(copy) : result;
        }
    }
}

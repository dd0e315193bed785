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
 * batch. The query service's own factory (the replay's generation routing) reports by itself; this
 * one is for templates built without it, such as a projection's on a database of its own.
 */
public final class AccessReportingDatabaseFactory implements MongoDatabaseFactory, PendingWrites.AccessAware {

    private final MongoDatabaseFactory delegate;

    public AccessReportingDatabaseFactory(MongoDatabaseFactory delegate) {
        this.delegate = delegate;
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
        return new AccessReportingDatabaseFactory(delegate.withSession(session));
    }

    @Override
    public boolean isTransactionActive() {
        return delegate.isTransactionActive();
    }

    private static MongoDatabase reporting(MongoDatabase database) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, new Reporting(database));
    }

    private record Reporting(MongoDatabase database) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("getCollection") && args != null) {
                for (Object arg : args) {
                    if (arg instanceof String collection) {
                        PendingWrites.beforeAccess(collection);
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
            return result instanceof MongoDatabase copy && name.startsWith("with") ? reporting(copy) : result;
        }
    }
}

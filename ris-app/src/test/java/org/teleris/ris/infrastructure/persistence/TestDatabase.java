package org.teleris.ris.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A fresh, migrated database for one test: in-memory H2, or a new database on the PostgreSQL
 * server that scripts/test starts (its URL arrives as {@code ris.test.postgres.url}). The JPA
 * persistence units are the production ones, switched to resource-local transactions.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String POSTGRES_URL = System.getProperty("ris.test.postgres.url", "");

    private final String kind;
    private final String url;
    private final Runnable drop;
    private final Map<String, EntityManagerFactory> factories = new ConcurrentHashMap<>();

    private TestDatabase(String kind, String url, Runnable drop) {
        this.kind = kind;
        this.url = url;
        this.drop = drop;
    }

    /** The databases every persistence test runs on. The test command requires PostgreSQL to be among them. */
    public static Stream<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (!POSTGRES_URL.isBlank()) {
            kinds.add("postgresql");
        } else if (Boolean.getBoolean("ris.test.require-postgres")) {
            throw new IllegalStateException("ris.test.postgres.url is not set but PostgreSQL tests are required");
        }
        return kinds.stream();
    }

    public static TestDatabase fresh(String kind) {
        String name = "ris_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabase database = switch (kind) {
            case "h2" -> new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", () -> { });
            case "postgresql" -> {
                execute(POSTGRES_URL, "CREATE DATABASE " + name);
                yield new TestDatabase(kind, POSTGRES_URL.replaceFirst("/ris(\\?|$)", "/" + name + "$1"),
                        () -> execute(POSTGRES_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
            }
            default -> throw new IllegalArgumentException(kind);
        };
        DatabaseMigrations.migrate(database.dataSource());
        return database;
    }

    public UrlRoutedDataSource dataSource() {
        UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }

    public String kind() {
        return kind;
    }

    public EntityManager entityManager(String unit) {
        return factories.computeIfAbsent(unit, this::factory).createEntityManager();
    }

    private EntityManagerFactory factory(String unit) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", null);
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource());
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.session-name", unit + "-" + UUID.randomUUID());
        return Persistence.createEntityManagerFactory(unit, properties);
    }

    /** Runs the work in one resource-local transaction of a new entity manager. */
    public <T> T inTransaction(String unit, Function<EntityManager, T> work) {
        EntityManager em = entityManager(unit);
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    /** Plain SQL, bypassing the application: how an intruder with database access would act. */
    public void sql(String statement) {
        execute(url, statement);
    }

    private static void execute(String url, String statement) {
        UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
        dataSource.setUrl(url);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + url.toLowerCase(Locale.ROOT).split("\\?")[0], e);
        }
    }

    @Override
    public void close() {
        factories.values().forEach(EntityManagerFactory::close);
        drop.run();
    }

    @Override
    public String toString() {
        return kind;
    }
}

package org.teleris.ris.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Defines the application data source and brings its schema up to date with Flyway. The same
 * migration scripts run on H2 and PostgreSQL.
 */
@DataSourceDefinition(
        name = DatabaseMigrations.DATA_SOURCE,
        className = "org.teleris.ris.infrastructure.persistence.UrlRoutedDataSource",
        url = "${MPCONFIG=ris.db.url}",
        user = "${MPCONFIG=ris.db.user}",
        password = "${MPCONFIG=ris.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32,
        // Each pooled connection keeps its prepared statements (least recently used out): the same few
        // statements run for every received instance, and H2 parses, PostgreSQL plans, each only once
        // per connection. The type must be given, blank, for Payara's LRU cache: left out, Payara reads
        // it as the class name "null" and logs that it cannot create the cache (payara/Payara#6647).
        properties = {
            "fish.payara.statement-cache-size=" + DatabaseMigrations.STATEMENT_CACHE_SIZE,
            "fish.payara.statement-cache-type= "
        })
@ApplicationScoped
public class DatabaseMigrations {

    public static final String DATA_SOURCE = "java:app/jdbc/ris";

    /** Statements kept per pooled connection: the intake's and the pages' frequent ones fit. */
    static final int STATEMENT_CACHE_SIZE = 64;

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    public int migrate() {
        return migrate(dataSource);
    }

    /** @return the number of migrations applied now */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Contexts add migrations in parallel branches; a lower version landing later must still apply.
                .outOfOrder(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}

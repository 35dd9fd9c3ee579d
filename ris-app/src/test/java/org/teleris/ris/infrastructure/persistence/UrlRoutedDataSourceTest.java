package org.teleris.ris.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlRoutedDataSourceTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedH2FileDatabaseWritesEveryCommitBeforeItReturns() throws Exception {
        UrlRoutedDataSource source = new UrlRoutedDataSource();
        source.setUrl("jdbc:h2:file:" + dir.resolve("ris") + ";DB_CLOSE_ON_EXIT=FALSE");
        source.setUser("sa");
        source.setPassword("test");
        try (Connection c = source.getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            r.next();
            assertEquals("0", r.getString(1), "a commit answered is a commit on disk (kill -9 loses nothing)");
            c.createStatement().execute("SHUTDOWN");
        }
        assertEquals("jdbc:h2:mem:x", UrlRoutedDataSource.durable("jdbc:h2:mem:x"));
        assertEquals("jdbc:h2:file:x;write_delay=100", UrlRoutedDataSource.durable("jdbc:h2:file:x;write_delay=100"));
        assertEquals("jdbc:postgresql://db/ris", UrlRoutedDataSource.durable("jdbc:postgresql://db/ris"));
    }
}

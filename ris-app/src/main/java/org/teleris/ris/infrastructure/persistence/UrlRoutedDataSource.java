package org.teleris.ris.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's JDBC data source, pooled by Payara. The database product is chosen by the
 * JDBC URL alone ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}), so switching from the
 * embedded default to PostgreSQL is a configuration change, not a rebuild.
 */
public class UrlRoutedDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = resolvedOrNull(user);
    }

    public void setPassword(String password) {
        this.password = resolvedOrNull(password);
    }

    /** An empty configuration value reaches us as the unresolved placeholder: treat it as unset. */
    private static String resolvedOrNull(String value) {
        return value == null || value.contains("${") ? null : value;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (secret != null && !secret.isEmpty()) {
            properties.setProperty("password", secret);
        }
        Connection connection = driverFor(url).connect(durable(url), properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver did not accept the configured URL (ris.db.url)");
        }
        return connection;
    }

    /**
     * An embedded H2 database writes committed transactions to its file only every 500 ms by default
     * (WRITE_DELAY), so a killed process (kill -9, OOM killer) loses commits that were already answered,
     * e.g. an instance the intake reported as stored. With WRITE_DELAY=0 each commit is written before it
     * returns; an explicit WRITE_DELAY in the URL is kept.
     */
    static String durable(String url) {
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    static Driver driverFor(String url) throws SQLException {
        if (url == null || url.isBlank() || url.contains("${")) {
            throw new SQLException("no database URL configured: set ris.db.url (environment RIS_DB_URL)");
        }
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        throw new SQLException("unsupported database URL; use jdbc:h2: or jdbc:postgresql:");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}

/**
 * JPA repositories, the application data source and the Flyway migrations runner.
 * H2 (embedded file) by default, PostgreSQL in production, selected by the JDBC URL alone.
 */
package org.teleris.ris.infrastructure.persistence;

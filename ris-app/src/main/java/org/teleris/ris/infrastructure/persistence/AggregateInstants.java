package org.teleris.ris.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The value of min()/max() over an instant column: EclipseLink hands aggregates over without the
 * column's converter, and the drivers differ (H2: OffsetDateTime, PostgreSQL: Timestamp).
 */
final class AggregateInstants {

    private AggregateInstants() {
    }

    static Instant of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("not a point in time: " + value.getClass().getName());
    }
}

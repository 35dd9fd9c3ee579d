/**
 * The append-only, hash-chained audit log: records, the chain's hashing rule and its verification.
 * Pure Java; persistence sits behind {@link org.teleris.ris.domain.audit.AuditRecordRepository}.
 */
package org.teleris.ris.domain.audit;

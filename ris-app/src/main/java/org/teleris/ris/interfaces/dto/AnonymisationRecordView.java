package org.teleris.ris.interfaces.dto;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord;

/**
 * An anonymisation record for the admin page; {@code report} (detail only) is the anonymiser's JSON
 * report as a JSON value: tags and actions, masked regions, verifier result — never values.
 */
public record AnonymisationRecordView(String id, String objectKind, String channel, String objectRef, String uploadRef,
                                      String caseId, String organisationId, String actor, Instant receivedAt,
                                      String mediaKind, long sizeBytes, String outcome, String reasonCode,
                                      String reason, Instant verifiedAt, String verifiedBy, Boolean verifiedPassed,
                                      String verifiedSummary, JsonValue report) {

    public static AnonymisationRecordView of(AnonymisationRecord r, boolean withReport) {
        return new AnonymisationRecordView(r.id(), r.objectKind().name(), r.channel(), r.objectRef(), r.uploadRef(),
                r.caseId(), r.organisationId(), r.actor(), r.receivedAt(), r.mediaKind(), r.sizeBytes(), r.outcome(),
                r.reasonCode(), r.reason(), r.verifiedAt(), r.verifiedBy(), r.verifiedPassed(), r.verifiedSummary(),
                withReport ? parsed(r.report()) : null);
    }

    private static JsonValue parsed(String report) {
        if (report == null || report.isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(report))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            JsonObject unreadable = Json.createObjectBuilder().add("unreadable", true).build();
            return unreadable;
        }
    }
}

package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every REST endpoint tried by every role and by a foreign tenant; bad input everywhere; the
 * operations endpoints; what the audit log holds and that tampering with it is reported.
 */
@ExtendWith(ArquillianExtension.class)
class ApiSecurityAndErrorsTest {

    private static final String VALID_CASE = "{\"question\":\"Bilateral ground-glass, day 6: full CT needed?\","
            + "\"modality\":\"CT\",\"bodyPart\":\"CHEST\"}";

    /** Who calls: nobody, or a demo user. */
    enum Caller { ANONYMOUS, DOCTOR_NORTH, DOCTOR_SOUTH, CONSULTANT, EXPERT, ADMIN }

    /** One endpoint: its OpenAPI template, the concrete path tried, a body, and the status per caller. */
    record Row(String method, String template, String path, String body, int... statuses) {
        int expected(Caller caller) {
            return statuses[caller.ordinal()];
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    private Map<Caller, RisClient> callers() {
        Map<Caller, RisClient> callers = new EnumMap<>(Caller.class);
        callers.put(Caller.ANONYMOUS, new RisClient(base));
        for (DemoUsers user : DemoUsers.values()) {
            callers.put(Caller.valueOf(user.name()), RisClient.loggedIn(base, user.username, user.password));
        }
        return callers;
    }

    @Test
    void everyEndpointAnswersEveryCallerAsDue() {
        Map<Caller, RisClient> callers = callers();
        RisClient north = callers.get(Caller.DOCTOR_NORTH);
        RisClient consultant = callers.get(Caller.CONSULTANT);
        RisClient admin = callers.get(Caller.ADMIN);
        String colleague = userId(admin, "consultant2");
        String shift = admin.post("api/roster", shiftFor(colleague)).json().getString("id");
        String open = newCase(north);
        String preview = north.upload("api/previews", TestImages.screenshotWithNameAndGps(), "key.jpg", "image/jpeg")
                .json().getString("id");
        String withPreview = north.post("api/cases", "{\"question\":\"With a key image\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\",\"previewIds\":[\"" + preview + "\"]}").json().getString("id");
        String toClaim = newCase(north);
        String toCancel = newCase(north);
        String[] held = new String[4];
        for (int i = 0; i < held.length; i++) {
            held[i] = newCase(north);
            assertEquals(200, consultant.post("api/cases/" + held[i] + "/claim", "").status());
        }
        String text = "{\"text\":\"Upload the whole chest CT series.\"}";
        String studyCase = newCase(north);
        assertEquals(200, consultant.post("api/cases/" + studyCase + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + studyCase + "/request-full-study", text).status());
        String session = north.get("api/upload-sessions/by-case/" + studyCase).json().getString("id");
        String upload = north.exchange("POST", "api/uploads", ResumableUploadTest.tus("Upload-Length", "10",
                "Upload-Metadata", "session " + ResumableUploadTest.b64(session)), null).headers()
                .firstValue("Location").map(l -> java.net.URI.create(l).getRawPath().substring(1)).orElseThrow();
        // Statuses per caller, in the order ANONYMOUS, DOCTOR_NORTH, DOCTOR_SOUTH, CONSULTANT, EXPERT, ADMIN.
        // Rows that change a case run the callers in that order: later callers meet the new state.
        List<Row> rows = List.of(
                new Row("GET", "/api/auth/me", "api/auth/me", null, 401, 200, 200, 200, 200, 200),
                new Row("GET", "/api/cases", "api/cases", null, 401, 200, 200, 200, 200, 200),
                new Row("POST", "/api/cases", "api/cases", VALID_CASE, 401, 201, 201, 403, 403, 403),
                new Row("GET", "/api/cases/{id}", "api/cases/" + open, null, 401, 200, 404, 200, 200, 200),
                new Row("GET", "/api/cases/{id}/messages", "api/cases/" + open + "/messages", null,
                        401, 200, 404, 200, 200, 200),
                new Row("POST", "/api/cases/{id}/messages", "api/cases/" + open + "/messages", text,
                        401, 201, 404, 403, 403, 403),
                new Row("GET", "/api/cases/{id}/history", "api/cases/" + open + "/history", null,
                        401, 200, 404, 200, 200, 200),
                new Row("POST", "/api/cases/{id}/claim", "api/cases/" + toClaim + "/claim", "",
                        401, 403, 403, 200, 403, 403),
                new Row("POST", "/api/cases/{id}/release", "api/cases/" + toClaim + "/release", "",
                        401, 403, 403, 200, 403, 409),
                new Row("POST", "/api/cases/{id}/reassign", "api/cases/" + held[0] + "/reassign",
                        "{\"consultantUserId\":\"" + colleague + "\"}", 401, 403, 403, 200, 403, 403),
                new Row("POST", "/api/cases/{id}/decline", "api/cases/" + held[1] + "/decline",
                        "{\"reason\":\"ONCOLOGY\",\"advice\":\"Refer to an oncologist.\"}",
                        401, 403, 403, 200, 403, 403),
                new Row("POST", "/api/cases/{id}/answer", "api/cases/" + held[2] + "/answer", text,
                        401, 403, 403, 200, 403, 403),
                new Row("POST", "/api/cases/{id}/request-full-study", "api/cases/" + held[3] + "/request-full-study",
                        text, 401, 403, 403, 200, 403, 403),
                new Row("POST", "/api/cases/{id}/cancel", "api/cases/" + toCancel + "/cancel", "",
                        401, 200, 404, 403, 403, 403),
                new Row("POST", "/api/previews", "api/previews", "not an image", 401, 422, 422, 422, 403, 403),
                new Row("GET", "/api/previews/{id}", "api/previews/" + preview, null, 401, 200, 404, 200, 200, 200),
                new Row("GET", "/api/previews/{id}/content", "api/previews/" + preview + "/content", null,
                        401, 200, 404, 200, 200, 200),
                new Row("GET", "/api/previews/{id}/rendered", "api/previews/" + preview + "/rendered", null,
                        401, 200, 404, 200, 200, 200),
                new Row("GET", "/api/cases/{id}/previews", "api/cases/" + withPreview + "/previews", null,
                        401, 200, 404, 200, 200, 200),
                new Row("GET", "/api/upload-sessions/by-case/{caseId}", "api/upload-sessions/by-case/" + studyCase,
                        null, 401, 200, 404, 200, 200, 200),
                new Row("GET", "/api/upload-sessions/{id}", "api/upload-sessions/" + session, null,
                        401, 200, 404, 200, 200, 200),
                new Row("POST", "/api/upload-sessions/{id}/complete", "api/upload-sessions/" + session + "/complete",
                        "", 401, 409, 404, 403, 403, 403),
                // tus: without the Tus-Resumable header (which no form can send) a doctor's request is a 412.
                new Row("OPTIONS", "/api/uploads", "api/uploads", null, 204, 204, 204, 204, 204, 204),
                new Row("POST", "/api/uploads", "api/uploads", "{}", 401, 412, 412, 403, 403, 403),
                new Row("HEAD", "/api/uploads/{id}", upload, null, 401, 412, 412, 403, 403, 403),
                new Row("PATCH", "/api/uploads/{id}", upload, "{}", 401, 412, 412, 403, 403, 403),
                new Row("GET", "/api/uploads/{id}", upload, null, 401, 200, 404, 403, 403, 403),
                new Row("DELETE", "/api/uploads/{id}", upload, null, 401, 412, 412, 403, 403, 403),
                new Row("POST", "/api/dicomweb/studies", "api/dicomweb/studies", "{}", 401, 415, 415, 403, 403, 403),
                new Row("POST", "/api/dicomweb/studies/{study}", "api/dicomweb/studies/1.2.3", "{}",
                        401, 415, 415, 403, 403, 403),
                new Row("GET", "/api/dicomweb/studies", "api/dicomweb/studies", null, 401, 200, 200, 200, 200, 200),
                new Row("GET", "/api/dicomweb/studies/{study}/series", "api/dicomweb/studies/1.2.3/series", null,
                        401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}/instances",
                        "api/dicomweb/studies/1.2.3/series/4.5/instances", null, 401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}", "api/dicomweb/studies/1.2.3", null,
                        401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}", "api/dicomweb/studies/1.2.3/series/4.5",
                        null, 401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}/instances/{sop}",
                        "api/dicomweb/studies/1.2.3/series/4.5/instances/6.7", null, 401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/metadata", "api/dicomweb/studies/1.2.3/metadata", null,
                        401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}/metadata",
                        "api/dicomweb/studies/1.2.3/series/4.5/metadata", null, 401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}/instances/{sop}/metadata",
                        "api/dicomweb/studies/1.2.3/series/4.5/instances/6.7/metadata", null,
                        401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}/instances/{sop}/frames/{frame}",
                        "api/dicomweb/studies/1.2.3/series/4.5/instances/6.7/frames/1", null,
                        401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/dicomweb/studies/{study}/series/{series}/instances/{sop}/rendered",
                        "api/dicomweb/studies/1.2.3/series/4.5/instances/6.7/rendered", null,
                        401, 404, 404, 404, 404, 404),
                new Row("GET", "/api/reporting/worklist", "api/reporting/worklist", null, 401, 403, 403, 403, 200, 200),
                new Row("GET", "/api/reporting/delivered", "api/reporting/delivered", null, 401, 200, 200, 403, 200, 200),
                new Row("GET", "/api/reporting/reports/{id}", "api/reporting/reports/none", null,
                        401, 404, 404, 403, 404, 404),
                new Row("POST", "/api/reporting/reports/{id}/claim", "api/reporting/reports/none/claim", "",
                        401, 403, 403, 403, 404, 403),
                new Row("POST", "/api/reporting/reports/{id}/release", "api/reporting/reports/none/release", "",
                        401, 403, 403, 403, 404, 404),
                new Row("POST", "/api/reporting/reports/{id}/assign", "api/reporting/reports/none/assign",
                        "{\"username\":\"expert\"}", 401, 403, 403, 403, 404, 404),
                new Row("PUT", "/api/reporting/reports/{id}/draft", "api/reporting/reports/none/draft", "{}",
                        401, 403, 403, 403, 404, 403),
                new Row("POST", "/api/reporting/reports/{id}/sign", "api/reporting/reports/none/sign", "",
                        401, 403, 403, 403, 404, 403),
                new Row("POST", "/api/reporting/reports/{id}/second-read", "api/reporting/reports/none/second-read",
                        "{\"agree\":true}", 401, 403, 403, 403, 404, 403),
                new Row("POST", "/api/reporting/reports/{id}/addenda", "api/reporting/reports/none/addenda",
                        "{\"text\":\"More\"}", 401, 403, 403, 403, 404, 403),
                new Row("GET", "/api/reporting/reports/{id}/pdf", "api/reporting/reports/none/pdf", null,
                        401, 404, 404, 403, 404, 404),
                new Row("GET", "/api/reporting/reports/{id}/sr", "api/reporting/reports/none/sr", null,
                        401, 404, 404, 403, 404, 404),
                new Row("GET", "/api/ai/models", "api/ai/models", null, 401, 200, 200, 200, 200, 200),
                new Row("POST", "/api/ai/studies/{study}/runs", "api/ai/studies/1.2.3.4/runs", "{}",
                        401, 404, 404, 403, 404, 403),
                new Row("POST", "/api/phi-check", "api/phi-check", "{\"fields\":{\"question\":\"Patient John Smith\"}}",
                        401, 200, 200, 200, 200, 200),
                new Row("GET", "/api/roster", "api/roster", null, 401, 403, 403, 200, 403, 200),
                new Row("POST", "/api/roster", "api/roster", shiftFor(colleague), 401, 403, 403, 403, 403, 201),
                new Row("DELETE", "/api/roster/{id}", "api/roster/" + shift, null, 401, 403, 403, 403, 403, 204),
                new Row("GET", "/api/admin/organisations", "api/admin/organisations", null, 401, 403, 403, 403, 403, 200),
                new Row("POST", "/api/admin/organisations", "api/admin/organisations", "{\"name\":\"\"}",
                        401, 403, 403, 403, 403, 400),
                new Row("PUT", "/api/admin/organisations/{id}", "api/admin/organisations/no-such-organisation",
                        "{\"name\":\"Nowhere\"}", 401, 403, 403, 403, 403, 404),
                new Row("GET", "/api/admin/users", "api/admin/users", null, 401, 403, 403, 403, 403, 200),
                new Row("GET", "/api/admin/audit", "api/admin/audit", null, 401, 403, 403, 403, 403, 200),
                new Row("POST", "/api/admin/users", "api/admin/users", "{}", 401, 403, 403, 403, 403, 400),
                new Row("POST", "/api/admin/users/{id}/disable", "api/admin/users/nobody/disable", "",
                        401, 403, 403, 403, 403, 404),
                new Row("PUT", "/api/admin/users/{id}/role", "api/admin/users/nobody/role", "{\"role\":\"EXPERT\"}",
                        401, 403, 403, 403, 403, 404),
                new Row("POST", "/api/admin/users/{id}/password", "api/admin/users/nobody/password",
                        "{\"password\":\"long-enough-password\"}", 401, 403, 403, 403, 403, 404),
                new Row("POST", "/api/admin/users/{id}/enable", "api/admin/users/nobody/enable", "",
                        401, 403, 403, 403, 403, 404),
                new Row("GET", "/api/admin/anonymisation", "api/admin/anonymisation", null, 401, 403, 403, 403, 403, 200),
                new Row("GET", "/api/admin/anonymisation/summary", "api/admin/anonymisation/summary", null,
                        401, 403, 403, 403, 403, 200),
                new Row("GET", "/api/admin/anonymisation/uploads", "api/admin/anonymisation/uploads", null,
                        401, 403, 403, 403, 403, 200),
                new Row("GET", "/api/admin/anonymisation/export.csv", "api/admin/anonymisation/export.csv", null,
                        401, 403, 403, 403, 403, 200),
                new Row("GET", "/api/admin/anonymisation/{id}", "api/admin/anonymisation/none", null,
                        401, 403, 403, 403, 403, 404),
                new Row("POST", "/api/admin/anonymisation/{id}/verify", "api/admin/anonymisation/none/verify", "",
                        401, 403, 403, 403, 403, 404),
                new Row("GET", "/api/admin/ai-quality", "api/admin/ai-quality", null, 401, 403, 403, 403, 403, 200),
                new Row("GET", "/api/admin/workload", "api/admin/workload", null, 401, 403, 403, 403, 403, 200),
                new Row("POST", "/api/admin/audit/verify", "api/admin/audit/verify", "", 401, 403, 403, 403, 403, 200),
                new Row("POST", "/api/auth/login", "api/auth/login", "{\"username\":\"admin\",\"password\":\"wrong\"}",
                        401, 401, 401, 401, 401, 401),
                // Last: it ends the sessions the other rows use.
                new Row("POST", "/api/auth/logout", "api/auth/logout", "", 204, 204, 204, 204, 204, 204));

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                RisClient.Reply reply = callers.get(caller).send(row.method(), row.path(),
                        row.body() == null ? null : "application/json", row.body());
                if (reply.status() != row.expected(caller)) {
                    wrong.add(row.method() + " " + row.template() + " as " + caller + ": " + reply.status()
                            + " instead of " + row.expected(caller));
                } else if (reply.status() >= 400 && !row.method().equals("HEAD")) { // HEAD answers have no body
                    assertErrorBody(reply);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(401, callers.get(Caller.ADMIN).get("api/auth/me").status(), "logout ends the session");
        assertEveryDocumentedOperationIsInTheMatrix(rows);
    }

    private static String newCase(RisClient doctor) {
        RisClient.Reply reply = doctor.post("api/cases", VALID_CASE);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    static String userId(RisClient admin, String username) {
        return admin.get("api/admin/users").array().stream().map(JsonValue::asJsonObject)
                .filter(user -> username.equals(user.getString("username"))).findFirst().orElseThrow()
                .getString("id");
    }

    private static String shiftFor(String consultantUserId) {
        java.time.Instant now = java.time.Instant.now();
        return "{\"consultantUserId\":\"" + consultantUserId + "\",\"startsAt\":\"" + now + "\",\"endsAt\":\""
                + now.plusSeconds(8 * 3600) + "\"}";
    }

    /** The matrix must grow with the API: an endpoint missing here fails the build. */
    private void assertEveryDocumentedOperationIsInTheMatrix(List<Row> rows) {
        JsonObject paths = new RisClient(base).get("openapi").json().getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row.method() + " " + row.template()));
        assertTrue(documented.size() >= rows.size(), "OpenAPI lists " + documented);
        assertEquals(documented, covered, "every operation in /openapi needs a row in the authorisation matrix");
    }

    private static void assertErrorBody(RisClient.Reply reply) {
        assertTrue(reply.contentType().startsWith("application/json"), reply.toString());
        JsonObject error = reply.json();
        assertEquals(reply.status(), error.getInt("status"), reply.body());
        assertFalse(error.getString("error").isBlank(), reply.body());
        assertFalse(error.getString("message").isBlank(), reply.body());
    }

    @Test
    void badInputGetsAReadable4xxNeverA500() {
        RisClient doctor = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        RisClient anonymous = new RisClient(base);
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        String created = newCase(doctor);
        assertEquals(200, doctor.post("api/cases/" + created + "/cancel", null).status());
        String huge = "{\"username\":\"" + "x".repeat(2_000_000) + "\",\"password\":\"p\"}";
        List<RisClient.Reply> replies = List.of(
                anonymous.post("api/auth/login", "{"),
                anonymous.post("api/auth/login", ""),
                anonymous.post("api/auth/login", "null"),
                anonymous.post("api/auth/login", "[]"),
                anonymous.post("api/auth/login", "{\"username\":5,\"password\":[1]}"),
                anonymous.post("api/auth/login", "{\"username\":\"\",\"password\":\"\"}"),
                anonymous.post("api/auth/login", huge),
                anonymous.send("POST", "api/auth/login", "text/plain", "username=admin"),
                anonymous.get("api/no/such/thing"),
                doctor.post("api/cases", "{"),
                doctor.post("api/cases", "{}"),
                doctor.post("api/cases", "{\"question\":\"q\",\"modality\":\"PET\",\"bodyPart\":\"CHEST\"}"),
                doctor.post("api/cases", "{\"question\":[],\"modality\":\"CT\",\"bodyPart\":\"CHEST\"}"),
                doctor.post("api/cases", "{\"question\":\"" + "q".repeat(4001) + "\",\"modality\":\"CT\","
                        + "\"bodyPart\":\"CHEST\"}"),
                doctor.send("DELETE", "api/cases", null, null),
                doctor.post("api/cases/" + "no-such-case" + "/messages", "{\"text\":\"hello\"}"),
                doctor.post("api/cases/" + created + "/messages", "{\"text\":\"\"}"),
                doctor.post("api/cases/" + created + "/messages", "{\"text\":\"see\",\"attachmentPreviewId\":\"nope\"}"),
                doctor.post("api/cases/" + created + "/messages", "{\"text\":\"" + "m".repeat(4001) + "\"}"),
                doctor.post("api/cases/" + created + "/cancel", null),
                admin.post("api/roster", "{}"),
                doctor.post("api/phi-check", "{}"),
                doctor.post("api/phi-check", "{\"fields\":{}}"),
                doctor.post("api/phi-check", "{\"fields\":\"text\"}"),
                doctor.post("api/cases", "{\"question\":\"q\",\"modality\":\"CT\",\"bodyPart\":\"CHEST\","
                        + "\"clinical\":{\"temperatureC\":386}}"),
                doctor.post("api/cases", "{\"question\":\"q\",\"modality\":\"CT\",\"bodyPart\":\"CHEST\","
                        + "\"clinical\":{\"symptoms\":[\"SNEEZING\"]}}"),
                admin.post("api/roster", "{\"consultantUserId\":\"nobody\",\"startsAt\":\"2026-11-23T10:00:00Z\","
                        + "\"endsAt\":\"2026-11-23T18:00:00Z\"}"),
                admin.post("api/roster", "{\"consultantUserId\":\"x\",\"startsAt\":\"tomorrow\",\"endsAt\":\"later\"}"),
                admin.send("DELETE", "api/roster/no-such-shift", null, null),
                doctor.get("api/cases/%20"),
                admin.get("api/admin/audit?limit=abc"),
                admin.get("api/admin/ai-quality?from=yesterday"),
                admin.get("api/admin/ai-quality?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"),
                admin.get("api/admin/audit?limit=0"),
                admin.get("api/admin/workload?from=last-week"),
                admin.get("api/admin/workload?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"),
                admin.get("api/admin/audit?limit=501"),
                admin.get("api/admin/audit?from=yesterday"),
                admin.get("api/admin/audit?action=NOPE"),
                expert.put("api/reporting/reports/none/draft", "{\"involvementTotalPct\":101}"),
                expert.put("api/reporting/reports/none/draft", "{\"ctClass\":\"CT9\"}"),
                expert.put("api/reporting/reports/none/draft", "["),
                expert.post("api/reporting/reports/none/second-read", "{}"),
                expert.post("api/reporting/reports/none/addenda", "{\"text\":\"\"}"),
                expert.post("api/reporting/reports/none/assign", "{\"username\":\"nobody\"}"),
                expert.get("api/reporting/reports/none/pdf?lang=de"));
        for (RisClient.Reply reply : replies) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString().substring(0,
                    Math.min(300, reply.toString().length())));
            assertErrorBody(reply);
        }
        assertEquals("invalid_input", replies.get(10).json().getString("error"));
        assertTrue(replies.get(10).json().getString("message").contains("question"), replies.get(10).body());
    }

    @Test
    void operationsEndpointsAnswer() {
        RisClient anyone = new RisClient(base);
        RisClient.Reply ready = anyone.get("health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertEquals(200, anyone.get("health/live").status());
        RisClient.loggedIn(base, "doctor.north", "north-demo").post("api/cases", VALID_CASE);
        RisClient.Reply metrics = anyone.getText("metrics");
        assertTrue(metrics.body().contains("cases_submitted"), "application metrics are exported");
        RisClient.Reply page = anyone.getText("");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script"), "the browser application is served at the root");
    }

    @Test
    void theAuditLogRecordsSecurityEventsWithoutCaseContent() {
        RisClient doctor = RisClient.loggedIn(base, "doctor.north", "north-demo");
        String question = "Patient-free marker text " + RisClient.marker();
        String caseId = doctor.post("api/cases", "{\"question\":\"" + question
                + "\",\"modality\":\"CT\",\"bodyPart\":\"CHEST\"}").json().getString("id");
        doctor.get("api/admin/users");
        new RisClient(base).post("api/auth/login", "{\"username\":\"doctor.north\",\"password\":\"nope\"}");

        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        RisClient.Reply audit = admin.get("api/admin/audit?limit=500");
        assertEquals(200, audit.status());
        assertFalse(audit.body().contains(question), "the audit log holds identifiers, not case text");
        List<String> seen = audit.array().stream().map(JsonValue::asJsonObject)
                .map(r -> r.getString("action") + " " + r.getString("actor") + " " + r.getString("objectId", "-")
                        + " " + r.getString("outcome"))
                .toList();
        assertTrue(seen.contains("CASE_CREATED doctor.north " + caseId + " SUCCESS"), seen.toString());
        assertTrue(seen.contains("ACCESS_REFUSED doctor.north GET /admin/users REFUSED"), seen.toString());
        assertTrue(seen.contains("USER_LOGIN_FAILED anonymous - FAILURE"), seen.toString());
        assertTrue(seen.contains("USER_LOGIN admin " + admin.get("api/auth/me").json().getString("id") + " SUCCESS"));
    }

    @Test
    void tamperingWithTheAuditTableIsReportedAndNamesTheRecord() throws SQLException {
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        assertTrue(admin.post("api/admin/audit/verify", "").json().getBoolean("intact"));
        String url = "jdbc:h2:file:" + RisDeployment.DATA_DIR + "/db/ris;AUTO_SERVER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "sa", "ris-local");
             Statement sql = db.createStatement()) {
            String originalActor = (String) readRow(db, 3).get(2);
            sql.executeUpdate("UPDATE audit_record SET actor = 'mallory' WHERE sequence = 3");
            JsonObject altered = admin.post("api/admin/audit/verify", "").json();
            assertFalse(altered.getBoolean("intact"));
            assertEquals(3, altered.getInt("firstBadSequence"));
            assertTrue(altered.getString("problem").contains("altered"), altered.toString());

            try (PreparedStatement restore = db.prepareStatement(
                    "UPDATE audit_record SET actor = ? WHERE sequence = 3")) {
                restore.setString(1, originalActor);
                restore.executeUpdate();
            }
            assertTrue(admin.post("api/admin/audit/verify", "").json().getBoolean("intact"));

            List<Object> row = readRow(db, 2);
            sql.executeUpdate("DELETE FROM audit_record WHERE sequence = 2");
            JsonObject deleted = admin.post("api/admin/audit/verify", "").json();
            assertFalse(deleted.getBoolean("intact"));
            assertEquals(2, deleted.getInt("firstBadSequence"));
            assertTrue(deleted.getString("problem").contains("missing"), deleted.toString());

            insertRow(db, row);
            assertTrue(admin.post("api/admin/audit/verify", "").json().getBoolean("intact"));
        }
    }

    private static List<Object> readRow(Connection db, int sequence) throws SQLException {
        try (Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT sequence, recorded_at, actor, organisation_id, action,"
                     + " object_type, object_id, outcome, previous_hash, hash FROM audit_record WHERE sequence = "
                     + sequence)) {
            assertTrue(rs.next());
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            return values;
        }
    }

    private static void insertRow(Connection db, List<Object> values) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(values.size(), "?"));
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_record (sequence, recorded_at, actor,"
                + " organisation_id, action, object_type, object_id, outcome, previous_hash, hash) VALUES (" + marks
                + ")")) {
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.executeUpdate();
        }
    }
}

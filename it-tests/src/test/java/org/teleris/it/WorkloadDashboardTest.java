package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin's workload dashboard counts what the triage channel really did, through the real server. */
@ExtendWith(ArquillianExtension.class)
class WorkloadDashboardTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static String newCase(RisClient doctor, String question) {
        return doctor.post("api/cases", "{\"question\":\"" + question + "\",\"modality\":\"CT\",\"bodyPart\":\"CHEST\"}")
                .json().getString("id");
    }

    @Test
    void theDashboardCountsOutcomesTimesAndLoadOfThePeriod() throws InterruptedException {
        Instant start = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        String consultantName = consultant.get("api/auth/me").json().getString("displayName");

        String declined = newCase(north, "Dashboard one");
        String fullStudy = newCase(north, "Dashboard two");
        String answered = newCase(south, "Dashboard three");
        String held = newCase(south, "Dashboard four");
        newCase(south, "Dashboard five, waiting");
        Instant waitingSince = Instant.now();
        for (String id : new String[] {declined, fullStudy, answered, held}) {
            assertEquals(200, consultant.post("api/cases/" + id + "/claim", "").status());
        }
        assertEquals(200, consultant.post("api/cases/" + declined + "/decline",
                "{\"reason\":\"ONCOLOGY\",\"advice\":\"Refer to an oncologist.\"}").status());
        assertEquals(200, consultant.post("api/cases/" + fullStudy + "/request-full-study",
                "{\"text\":\"Upload the whole series.\"}").status());
        assertEquals(200, consultant.post("api/cases/" + answered + "/answer", "{\"text\":\"Viral pattern.\"}").status());

        // the tests' triage limit is 3 s (RIS_TRIAGE_TIME_LIMIT): the unclaimed case becomes a breach
        while (Instant.now().isBefore(waitingSince.plusMillis(3500))) {
            Thread.sleep(100);
        }
        String period = "from=" + start + "&to=" + Instant.now().plusSeconds(60);
        RisClient.Reply reply = admin.get("api/admin/workload?" + period);
        assertEquals(200, reply.status(), reply.body());
        JsonObject w = reply.json();
        JsonObject totals = w.getJsonObject("totals");
        assertEquals(5, totals.getInt("submitted"), totals.toString());
        assertEquals(2, totals.getInt("open"));
        assertEquals(1, totals.getInt("declined"));
        assertEquals(1, totals.getInt("answered"));
        assertEquals(1, totals.getInt("fullStudy"));
        assertEquals(3, totals.getInt("decided"));
        assertEquals(0.333, totals.getJsonNumber("fullStudyShare").doubleValue(), 1e-9);
        assertTrue(totals.getInt("overdueBreaches") >= 1, "the case still waiting past the limit: " + totals);
        assertEquals(1, w.getJsonObject("byState").getInt("SUBMITTED"));
        assertEquals(1, w.getJsonObject("byState").getInt("CLAIMED"));
        assertEquals(0.05, w.getJsonNumber("triageLimitMinutes").doubleValue(), 1e-9);

        JsonObject south0 = w.getJsonArray("organisations").getJsonObject(0);
        assertEquals("Southern District Hospital", south0.getString("name"));
        assertEquals(3, south0.getInt("submitted"));
        assertEquals(4, w.getJsonObject("timeToClaim").getInt("count"));
        JsonObject claim = w.getJsonObject("timeToClaim");
        assertEquals(4, claim.getInt("withinLimit") + claim.getInt("overLimit"));
        assertEquals(4, claim.getJsonArray("histogram").stream().mapToInt(b -> b.asJsonObject().getInt("count")).sum());
        assertTrue(south0.getInt("overdueBreaches") >= 1);
        assertEquals(3, w.getJsonObject("timeToDecision").getInt("count"));
        assertTrue(w.getJsonArray("periods").stream().map(JsonValue::asJsonObject)
                .mapToInt(p -> p.getInt("submitted")).sum() == 5);

        JsonObject load = w.getJsonArray("consultants").getJsonObject(0);
        assertEquals(consultantName, load.getString("name"));
        assertEquals(1, load.getInt("holding"));
        assertEquals(3, load.getInt("decided"));
        assertTrue(w.getJsonObject("stageTwo").getBoolean("available"), "stage II figures come from reporting");
        assertEquals(0, w.getJsonObject("stageTwo").getInt("received"), "no study was uploaded: none received");
        assertFalse(w.toString().contains("Dashboard one"), "no case content on the dashboard");

        // each look is audited as a query
        assertTrue(admin.get("api/admin/audit?action=WORKLOAD_QUERIED&actor=admin&limit=5").array().size() >= 1);

        // readable refusals
        assertEquals(400, admin.get("api/admin/workload?from=yesterday").status());
        assertEquals(400, admin.get("api/admin/workload?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").status());
        assertEquals(400, admin.get("api/admin/workload?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").status());
        assertEquals(403, consultant.get("api/admin/workload").status());
    }
}

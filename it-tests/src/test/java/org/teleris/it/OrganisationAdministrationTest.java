package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administrator creates and changes organisations: unique names and DICOM AE titles, validated;
 * switching a clinic's DICOM network uploads off refuses its AE titles at association (dcmtk).
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationAdministrationTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static RisClient.Reply put(RisClient client, String path, String json) {
        return client.send("PUT", path, "application/json", json);
    }

    @Test
    void organisationsAreCreatedAndChangedWithValidatedUniqueAeTitlesAndUploadSettings() {
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        String ae = "E" + tag;
        String name = "Eastern Clinic " + tag;

        RisClient.Reply created = admin.post("api/admin/organisations", "{\"name\":\"" + name
                + "\",\"kind\":\"REGIONAL_CLINIC\",\"aeTitles\":[\" " + ae.toLowerCase(Locale.ROOT) + " \",\"P" + tag + "\"]}");
        assertEquals(201, created.status(), created.body());
        JsonObject clinic = created.json();
        String id = clinic.getString("id");
        assertEquals(List.of(ae, "P" + tag), clinic.getJsonArray("aeTitles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "trimmed and upper case");
        assertTrue(clinic.getBoolean("dicomNetworkEnabled"));
        assertTrue(admin.get("api/admin/organisations").array().stream().map(JsonValue::asJsonObject)
                .anyMatch(o -> o.getString("id").equals(id)));

        // the new clinic's AE title is known to the DICOM interface at once
        Dcmtk.Run echo = Dcmtk.echo(Dcmtk.dicomPort(), ae);
        Dcmtk.assertContains(echo.output(), "Received Echo Response (Success)");

        // refusals name the problem
        RisClient.Reply taken = admin.post("api/admin/organisations",
                "{\"name\":\"Other " + tag + "\",\"kind\":\"REGIONAL_CLINIC\",\"aeTitles\":[\"NORTH_CT\"]}");
        assertEquals(400, taken.status());
        assertTrue(taken.body().contains("NORTH_CT") && taken.body().contains("Northern Regional Clinic"), taken.body());
        RisClient.Reply tooLong = admin.post("api/admin/organisations",
                "{\"name\":\"Other " + tag + "\",\"kind\":\"REGIONAL_CLINIC\",\"aeTitles\":[\"SEVENTEEN_CHARS_X\"]}");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("SEVENTEEN_CHARS_X"), tooLong.body());
        assertEquals(400, admin.post("api/admin/organisations",
                "{\"name\":\"Other " + tag + "\",\"kind\":\"REGIONAL_CLINIC\",\"aeTitles\":[\"BAD\\\\AE\"]}").status());
        assertEquals(400, admin.post("api/admin/organisations",
                "{\"name\":\"Other " + tag + "\",\"kind\":\"REGIONAL_CLINIC\",\"aeTitles\":[\"Q" + tag + "\",\"q" + tag + "\"]}")
                .status());
        assertEquals(400, admin.post("api/admin/organisations", "{\"name\":\"" + name + "\",\"kind\":\"REGIONAL_CLINIC\"}")
                .status(), "the name is taken");
        assertEquals(400, admin.post("api/admin/organisations", "{\"name\":\"No kind " + tag + "\"}").status());
        assertEquals(400, admin.post("api/admin/organisations", "{\"kind\":\"REGIONAL_CLINIC\"}").status());

        // switching its DICOM network uploads off refuses its AE titles at association
        RisClient.Reply off = put(admin, "api/admin/organisations/" + id, "{\"name\":\"" + name + " (renamed)\","
                + "\"aeTitles\":[\"" + ae + "\"],\"dicomNetworkEnabled\":false}");
        assertEquals(200, off.status(), off.body());
        assertEquals(name + " (renamed)", off.json().getString("name"));
        assertEquals(1, off.json().getJsonArray("aeTitles").size());
        assertFalse(off.json().getBoolean("dicomNetworkEnabled"));
        Dcmtk.Run refused = Dcmtk.echo(Dcmtk.dicomPort(), ae);
        Dcmtk.assertContains(refused.output(), "Association Rejected");
        Dcmtk.Run removed = Dcmtk.echo(Dcmtk.dicomPort(), "P" + tag);
        Dcmtk.assertContains(removed.output(), "Association Rejected");
        assertEquals(200, put(admin, "api/admin/organisations/" + id, "{\"name\":\"" + name + "\",\"dicomNetworkEnabled\":true}")
                .status());
        Dcmtk.assertContains(Dcmtk.echo(Dcmtk.dicomPort(), ae).output(), "Received Echo Response (Success)");

        assertEquals(400, put(admin, "api/admin/organisations/" + id, "{\"name\":\"" + name
                + "\",\"kind\":\"REFERENCE_CENTRE\"}").status(), "the kind stays");
        assertEquals(400, put(admin, "api/admin/organisations/" + id, "{\"name\":\"Northern Regional Clinic\"}").status());
        assertEquals(404, put(admin, "api/admin/organisations/no-such-id", "{\"name\":\"X " + tag + "\"}").status());

        // every change is audited
        List<String> audited = admin.get("api/admin/audit?objectId=" + id + "&limit=20").array().stream()
                .map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(1, audited.stream().filter("ORGANISATION_CREATED"::equals).count(), audited.toString());
        assertEquals(2, audited.stream().filter("ORGANISATION_CHANGED"::equals).count(), audited.toString());
    }
}

package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The administrator changes a user's role and resets a password; the user's session ends at once. */
@ExtendWith(ArquillianExtension.class)
class UserRoleAndPasswordTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    private RisClient.Reply login(String username, String password) {
        return new RisClient(base).post("api/auth/login", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
    }

    @Test
    void aRoleChangeAndAPasswordResetEndTheUsersSessionAndAreAudited() {
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        String centre = admin.get("api/admin/organisations").array().stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("kind").equals("REFERENCE_CENTRE")).findFirst().orElseThrow().getString("id");
        String username = "reader.temp" + (System.nanoTime() % 100_000);
        String password = "first-password-long";
        RisClient.Reply created = admin.post("api/admin/users", "{\"username\":\"" + username + "\",\"displayName\":"
                + "\"Dr. Reader\",\"role\":\"CONSULTANT\",\"organisationId\":\"" + centre + "\",\"password\":\""
                + password + "\"}");
        assertEquals(201, created.status(), created.body());
        String userId = created.json().getString("id");

        RisClient user = RisClient.loggedIn(base, username, password);
        assertEquals("CONSULTANT", user.get("api/auth/me").json().getString("role"));

        // a new role: the old session (with the old role) ends; the next sign-in has the new one
        RisClient.Reply changed = put(admin, "api/admin/users/" + userId + "/role", "{\"role\":\"EXPERT\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("EXPERT", changed.json().getString("role"));
        assertEquals(401, user.get("api/auth/me").status(), "the session ended at once");
        user = RisClient.loggedIn(base, username, password);
        assertEquals("EXPERT", user.get("api/auth/me").json().getString("role"));
        assertEquals(400, put(admin, "api/admin/users/" + userId + "/role", "{\"role\":\"DOCTOR\"}").status(),
                "a doctor belongs to a regional clinic");
        assertEquals(400, put(admin, "api/admin/users/" + userId + "/role", "{\"role\":\"NURSE\"}").status());
        String adminId = admin.get("api/auth/me").json().getString("id");
        assertEquals(400, put(admin, "api/admin/users/" + adminId + "/role", "{\"role\":\"EXPERT\"}").status(),
                "not one's own role");

        // a password reset: the session ends, the old password no longer works, the new one does
        String newPassword = "second-password-long";
        RisClient.Reply reset = admin.post("api/admin/users/" + userId + "/password",
                "{\"password\":\"" + newPassword + "\"}");
        assertEquals(200, reset.status(), reset.body());
        assertFalse(reset.body().contains(newPassword), "the password never comes back");
        assertEquals(401, user.get("api/auth/me").status(), "the session ended at once");
        assertEquals(401, login(username, password).status());
        assertEquals(200, login(username, newPassword).status());
        assertEquals(400, admin.post("api/admin/users/" + userId + "/password", "{\"password\":\"short\"}").status());
        assertEquals(404, admin.post("api/admin/users/nobody/password", "{\"password\":\"" + newPassword + "\"}")
                .status());

        List<String> audited = admin.get("api/admin/audit?objectId=" + userId + "&limit=20").array().stream()
                .map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(1, audited.stream().filter("USER_ROLE_CHANGED"::equals).count(), audited.toString());
        assertEquals(1, audited.stream().filter("USER_PASSWORD_RESET"::equals).count(), audited.toString());
    }

    private static RisClient.Reply put(RisClient client, String path, String json) {
        return client.send("PUT", path, "application/json", json);
    }
}

package org.teleris.anonymizer.infrastructure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.teleris.anonymizer.application.ResumableTransport;

/**
 * tus 1.0 client over java.net.http for the product's {@code /api/uploads}: logs in like the browser
 * (session cookie), creates one upload per file with the session in Upload-Metadata (never a file name),
 * sends chunks with an {@code Upload-Checksum} (SHA-256) and reads the outcome from the response headers.
 */
public final class TusUploadClient implements ResumableTransport {

    private static final Pattern SESSION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final URI server;
    private final String username;
    private final String password;
    private final HttpClient http;
    private final Duration timeout;

    public TusUploadClient(URI server, String username, String password, Duration timeout) {
        this.server = URI.create(server.toString().endsWith("/") ? server.toString() : server + "/");
        this.username = username;
        this.password = password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void login() throws Unreachable, NotAuthorised {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(server.resolve("api/auth/login"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + json(username) + ",\"password\":"
                        + json(password) + "}")));
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new NotAuthorised("login refused for " + username);
        }
        expect(r, 200, "login");
    }

    @Override
    public String sessionOfCase(String caseId) throws Unreachable, NotAuthorised {
        HttpResponse<String> r = send(HttpRequest.newBuilder(server.resolve("api/upload-sessions/by-case/"
                + encode(caseId))).header("Accept", "application/json").GET());
        if (r.statusCode() == 404) {
            throw new NotAuthorised("case " + caseId + " has no upload session you may send to");
        }
        expect(r, 200, "upload session of the case");
        Matcher m = SESSION_ID.matcher(r.body());
        if (!m.find()) {
            throw new Unreachable("unexpected answer for the upload session", null);
        }
        return m.group(1);
    }

    @Override
    public URI create(String sessionId, long length) throws Unreachable, NotAuthorised, Refused {
        String meta = "session " + b64(sessionId) + ",channel " + b64("CLI");
        HttpResponse<String> r = send(tus(HttpRequest.newBuilder(server.resolve("api/uploads")))
                .header("Upload-Length", Long.toString(length)).header("Upload-Metadata", meta)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() == 404 || r.statusCode() == 409) {
            throw new NotAuthorised("the server refused the upload: " + r.statusCode() + " " + r.body());
        }
        if (r.statusCode() == 400 || r.statusCode() == 413) {
            throw new Refused(r.statusCode() + " " + abbreviate(r.body()));
        }
        expect(r, 201, "creating an upload");
        return server.resolve(r.headers().firstValue("Location").orElseThrow(
                () -> new Unreachable("no Location in the creation answer", null)));
    }

    @Override
    public Progress head(URI upload) throws Unreachable, NotAuthorised {
        HttpResponse<String> r = send(tus(HttpRequest.newBuilder(upload)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() == 404 || r.statusCode() == 410) {
            return new Progress(true, 0, null);
        }
        expect(r, 200, "asking for the offset");
        return progress(r);
    }

    @Override
    public Progress patch(URI upload, long offset, byte[] bytes, int length) throws Unreachable, NotAuthorised {
        String checksum;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            checksum = "sha256 " + Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> r = send(tus(HttpRequest.newBuilder(upload))
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Long.toString(offset))
                .header("Upload-Checksum", checksum)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes, 0, length)));
        if (r.statusCode() == 409 || r.statusCode() == 423 || r.statusCode() == 460) {
            return head(upload); // someone else's offset, a request still finishing, damaged bytes: resync
        }
        if (r.statusCode() == 404 || r.statusCode() == 410) {
            return new Progress(true, 0, null);
        }
        expect(r, 204, "sending bytes");
        return progress(r);
    }

    @Override
    public void delete(URI upload) throws Unreachable {
        try {
            send(tus(HttpRequest.newBuilder(upload)).DELETE());
        } catch (NotAuthorised ignored) {
            // nothing to clean up that we may touch
        }
    }

    private static Progress progress(HttpResponse<String> r) {
        long offset = Long.parseLong(r.headers().firstValue("Upload-Offset").orElse("0"));
        Outcome outcome = r.headers().firstValue("Upload-Outcome").map(status -> new Outcome(status,
                r.headers().firstValue("Upload-Outcome-Counts").orElse(""),
                r.headers().firstValue("Upload-Outcome-Reason").orElse(""),
                r.headers().firstValue("Upload-Outcome-Sop-Instance-Uid").orElse(null))).orElse(null);
        return new Progress(false, offset, outcome);
    }

    private HttpRequest.Builder tus(HttpRequest.Builder request) {
        return request.header("Tus-Resumable", "1.0.0");
    }

    /** One request; an expired login is renewed once. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Unreachable, NotAuthorised {
        HttpRequest built = request.timeout(timeout).build();
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(built, (k, v) -> true));
        if (r.statusCode() == 401) {
            login();
            r = exchange(HttpRequest.newBuilder(built, (k, v) -> true));
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new NotAuthorised("the server refused " + username + ": " + r.statusCode());
        }
        return r;
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws Unreachable {
        try {
            HttpResponse<String> r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500 || r.statusCode() == 502 || r.statusCode() == 503) {
                throw new Unreachable("server error " + r.statusCode(), null);
            }
            return r;
        } catch (IOException e) {
            throw new Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) throws Unreachable {
        if (r.statusCode() != status) {
            throw new Unreachable(what + ": unexpected answer " + r.statusCode() + " " + abbreviate(r.body()), null);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

package org.teleris.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as its own process (the way scripts/run starts it), for tests that must kill it:
 * a renamed copy of the Payara Micro jar, its own data directory, H2 database and ports.
 */
final class ProductProcess implements AutoCloseable {

    private final Path dataDir;
    private final int httpPort;
    private final int dicomPort;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    ProductProcess(Path dataDir, int httpPort, int dicomPort, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        this.environment = environment;
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db/ris") + ";AUTO_SERVER=TRUE";
    }

    URL base() {
        try {
            return URI.create("http://127.0.0.1:" + httpPort + "/").toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int dicomPort() {
        return dicomPort;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the server and waits until /health/ready answers (at most five minutes). */
    void start() throws IOException, InterruptedException {
        Path work = Path.of(System.getProperty("ris.it.work-dir", "target"));
        Path jar = work.resolve("crash-micro.jar");
        Path war = work.resolve("crash-ris.war");
        copyIfChanged(Path.of(System.getProperty("payara.microJar")), jar);
        copyIfChanged(Path.of(System.getProperty("ris.war")), war);
        Files.createDirectories(dataDir.resolve("logs"));
        // Payara's own scratch, fresh each start (as scripts/run does): a kept domain.xml still lists the
        // application, which Payara loads and then --deploy replaces while it already answers (404s, and
        // the replaced deployment's connection pool is gone for good).
        CStoreCrashTest.deleteTree(dataDir.resolve("payara"));
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "--deploy",
                war.toString(), "--contextroot", "/", "--port", String.valueOf(httpPort), "--nocluster",
                "--nohazelcast", "--rootdir", dataDir.resolve("payara").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("logs/server-" + (++starts) + ".log")
                        .toFile()));
        Map<String, String> env = builder.environment();
        env.put("RIS_DATA_DIR", dataDir.toString());
        env.put("RIS_DB_URL", h2Url(dataDir));
        env.put("RIS_DB_USER", "sa");
        env.put("RIS_DB_PASSWORD", "ris-local");
        env.put("RIS_DEMO_SEED", "true");
        env.put("RIS_DICOM_PORT", String.valueOf(dicomPort));
        env.putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start; see " + dataDir.resolve("logs"));
            }
            Thread.sleep(500);
        }
    }

    /** Renamed copies, so a rebuild during the test does not change what runs. */
    private static void copyIfChanged(Path source, Path copy) throws IOException {
        if (!Files.exists(copy) || Files.size(copy) != Files.size(source)
                || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(source)) < 0) {
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) base().toURI().resolve("health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() == 200;
        } catch (IOException | java.net.URISyntaxException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no undeploy, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: an orderly stop. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the live triage channel (issue 5, "Figures"), JDK only:
 * {@code java ChannelLoad.java http://127.0.0.1:PORT [sockets] [posters] [perPoster] [warmupPerPoster] [ratePerSec] [drainSeconds]}.
 *
 * <p>Logs in once per demo account, opens {@code sockets} WebSockets spread evenly over the 7 accounts
 * (so many sockets share one HTTP session), has doctors create one case per poster thread, lets each
 * poster's consultant claim its case, then posts chat messages from {@code posters} threads (half as
 * "consultant", half as "consultant2") at a steady rate. Each message text carries a unique number;
 * the latency of a delivery is the time from just before its POST is sent to its arrival on a socket
 * (System.nanoTime, one process). Lost = expected deliveries (message x sockets allowed to see its
 * case) - received, after a bounded drain wait. Everything is bounded in count and time.
 */
public class ChannelLoad {

    record Account(String username, String password, boolean doctor, String org) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("doctor.north", "north-demo", true, "north"),
            new Account("doctor.south", "south-demo", true, "south"),
            new Account("consultant", "consultant-demo", false, "centre"),
            new Account("consultant2", "consultant2-demo", false, "centre"),
            new Account("expert", "expert-demo", false, "centre"),
            new Account("expert2", "expert2-demo", false, "centre"),
            new Account("admin", "admin-demo", false, "centre"));

    static final Pattern MARK = Pattern.compile("LB#(\\d+)#");
    static final Pattern SEQ = Pattern.compile("\"sequence\":(\\d+)");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    static String base;
    static HttpClient http;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java ChannelLoad.java http://127.0.0.1:PORT [sockets=500] [posters=20]"
                    + " [perPoster=50] [warmupPerPoster=5] [ratePerSec=1] [drainSeconds=10]");
            System.exit(2);
        }
        base = args[0];
        int sockets = arg(args, 1, 500);
        int posters = arg(args, 2, 20);
        int perPoster = arg(args, 3, 50);
        int warmupPerPoster = arg(args, 4, 5);
        int rate = arg(args, 5, 1);
        int drainSeconds = arg(args, 6, 10);
        if (sockets < 1 || sockets > 2000 || posters < 2 || posters > 100 || perPoster < 1 || perPoster > 1000
                || warmupPerPoster < 0 || warmupPerPoster > 1000 || rate < 1 || rate > 100 || drainSeconds > 120) {
            throw new IllegalArgumentException("arguments out of the bounded range");
        }
        String origin = base;
        String wsUrl = base.replaceFirst("^http", "ws") + "/ws/channel";
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, daemon("http"))).build();

        // 1. One login per account (PBKDF2 is deliberately slow).
        Map<String, String> cookies = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> logins = new ArrayList<>();
        for (Account a : ACCOUNTS) {
            logins.add(CompletableFuture.runAsync(() -> cookies.put(a.username(), login(a))));
        }
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        System.out.printf("logged in %d accounts (one HTTP session each)%n", cookies.size());

        // 2. Cases: one per poster, alternately from the two doctors' organisations; each claimed by the
        //    consultant whose thread posts in it.
        String[] caseIds = new String[posters];
        boolean[] caseNorth = new boolean[posters];
        String[] posterAccount = new String[posters];
        for (int p = 0; p < posters; p++) {
            caseNorth[p] = p % 4 < 2;
            posterAccount[p] = p % 2 == 0 ? "consultant" : "consultant2";
            String doctor = caseNorth[p] ? "doctor.north" : "doctor.south";
            HttpResponse<String> created = post(cookies.get(doctor), "/api/cases",
                    "{\"question\":\"Load benchmark case " + p + ": ground-glass opacities?\",\"modality\":\"CT\","
                            + "\"bodyPart\":\"CHEST\"}");
            expect(created, 201, "create case");
            Matcher m = ID.matcher(created.body());
            if (!m.find()) {
                throw new IllegalStateException("no case id in " + created.body());
            }
            caseIds[p] = m.group(1);
            expect(post(cookies.get(posterAccount[p]), "/api/cases/" + caseIds[p] + "/claim", ""), 200, "claim");
        }
        System.out.printf("created and claimed %d cases (%d northern, %d southern)%n", posters,
                count(caseNorth, true), count(caseNorth, false));

        // 3. Sockets, spread evenly over the 7 accounts.
        int warmupTotal = warmupPerPoster * posters;
        int total = warmupTotal + perPoster * posters;
        Sock[] socks = new Sock[sockets];
        int[] perAccount = new int[ACCOUNTS.size()];
        for (int i = 0; i < sockets; i++) {
            Account a = ACCOUNTS.get(i % ACCOUNTS.size());
            perAccount[i % ACCOUNTS.size()]++;
            socks[i] = new Sock(a, total);
        }
        HttpClient wsClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(2, daemon("ws"))).build();
        long openStart = System.nanoTime();
        int opened = 0;
        for (int from = 0; from < sockets; from += 50) {
            List<CompletableFuture<WebSocket>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(sockets, from + 50); i++) {
                Sock s = socks[i];
                batch.add(wsClient.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .header("Cookie", "RIS_SESSION=" + cookies.get(s.account.username()))
                        .header("Origin", origin)
                        .buildAsync(URI.create(wsUrl), s));
            }
            for (int i = 0; i < batch.size(); i++) {
                try {
                    socks[from + i].ws = batch.get(i).get(30, TimeUnit.SECONDS);
                    opened++;
                } catch (Exception e) {
                    System.out.println("socket " + (from + i) + " failed to open: " + e);
                }
            }
        }
        StringBuilder spread = new StringBuilder();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            spread.append(i == 0 ? "" : ", ").append(ACCOUNTS.get(i).username()).append('=').append(perAccount[i]);
        }
        System.out.printf("opened %d/%d sockets in %d ms, SHARED SESSIONS: only 7 accounts exist, so sockets are"
                + " spread over them (%s)%n", opened, sockets, (System.nanoTime() - openStart) / 1_000_000, spread);
        Thread.sleep(1000);

        // 4. Warm-up (not counted), then the measured run.
        AtomicLongArray sentAt = new AtomicLongArray(total);
        boolean[] postedOk = new boolean[total];
        int[] caseOfMessage = new int[total];
        long[] postMillis = new long[total];
        if (warmupTotal > 0) {
            System.out.printf("warm-up: %d messages (%d per poster at %d/s)...%n", warmupTotal, warmupPerPoster, rate);
            runPosters(cookies, posterAccount, caseIds, 0, warmupPerPoster, rate, sentAt, postedOk, caseOfMessage,
                    postMillis);
            drain(socks, caseNorth, postedOk, caseOfMessage, 0, warmupTotal, drainSeconds);
        }
        System.out.printf("measured run: %d posters x %d messages at %d/s each...%n", posters, perPoster, rate);
        long runStart = System.nanoTime();
        int httpErrors = runPosters(cookies, posterAccount, caseIds, warmupTotal, perPoster, rate, sentAt, postedOk,
                caseOfMessage, postMillis);
        double postSeconds = (System.nanoTime() - runStart) / 1e9;
        long drainStart = System.nanoTime();
        drain(socks, caseNorth, postedOk, caseOfMessage, warmupTotal, total, drainSeconds);
        double drainWait = (System.nanoTime() - drainStart) / 1e9;

        // 5. Figures.
        long expected = 0;
        long received = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long[] latencies = new long[1 << 16];
        int n = 0;
        for (Sock s : socks) {
            duplicates += s.duplicates.get();
            outOfOrder += s.outOfOrder.get();
            for (int i = warmupTotal; i < total; i++) {
                if (!postedOk[i] || !s.maySee(caseNorth[caseOfMessage[i]])) {
                    continue;
                }
                expected++;
                long at = s.receivedAt.get(i);
                if (at != 0) {
                    received++;
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = at - sentAt.get(i);
                }
            }
        }
        Arrays.sort(latencies, 0, n);
        long[] posts = Arrays.copyOfRange(postMillis, warmupTotal, total);
        Arrays.sort(posts);
        int postsOk = 0;
        for (int i = warmupTotal; i < total; i++) {
            postsOk += postedOk[i] ? 1 : 0;
        }
        long lost = expected - received;
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("| --- | --- |");
        row("sockets open at start / asked", opened + " / " + sockets);
        row("sockets closed during the run", String.valueOf(Arrays.stream(socks).filter(s -> s.closed).count()));
        row("posters (consultant / consultant2)", posters + " (" + (posters + 1) / 2 + " / " + posters / 2 + ")");
        row("messages posted OK / HTTP errors", postsOk + " / " + httpErrors);
        row("posting time, achieved rate", String.format(Locale.ROOT, "%.1f s, %.0f msg/s", postSeconds,
                postsOk / postSeconds));
        row("POST round trip p50 / p99 / max", ms(pct(posts, posts.length, 50)) + " / " + ms(pct(posts, posts.length,
                99)) + " / " + ms(posts.length == 0 ? 0 : posts[posts.length - 1]) + " ms");
        row("deliveries expected / received", expected + " / " + received);
        row("lost (after drain wait)", lost + String.format(Locale.ROOT, " (waited %.1f s of %d s)", drainWait,
                drainSeconds));
        row("duplicates / out of sequence order, incl. warm-up (webapp live.ts drops these)", duplicates + " / "
                + outOfOrder);
        row("client CPU (this JVM, whole run)", String.format(Locale.ROOT, "%.1f s",
                ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9));
        row("latency p50 (ms)", msn(pct(latencies, n, 50)));
        row("latency p95 (ms)", msn(pct(latencies, n, 95)));
        row("latency p99 (ms)", msn(pct(latencies, n, 99)));
        row("latency max (ms)", msn(n == 0 ? 0 : latencies[n - 1]));
        System.out.println();
        System.out.printf(Locale.ROOT, "channel-load: %d sockets, %d posters, %d deliveries, p50 %s ms, p95 %s ms,"
                        + " p99 %s ms, max %s ms, lost %d, out of order %d, post errors %d (goal p99 <= 50 ms, 0 lost)%n",
                opened, posters, received, msn(pct(latencies, n, 50)), msn(pct(latencies, n, 95)),
                msn(pct(latencies, n, 99)), msn(n == 0 ? 0 : latencies[n - 1]), lost, outOfOrder, httpErrors);

        for (Sock s : socks) {
            if (s.ws != null) {
                s.ws.abort();
            }
        }
        System.exit(0);
    }

    /** Posts {@code perPoster} messages from each poster thread at a steady rate; returns the HTTP errors. */
    static int runPosters(Map<String, String> cookies, String[] posterAccount, String[] caseIds, int firstIndex,
                          int perPoster, int rate, AtomicLongArray sentAt, boolean[] postedOk, int[] caseOfMessage,
                          long[] postMillis) throws InterruptedException {
        int posters = caseIds.length;
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(posters, daemon("poster"));
        CountDownLatch done = new CountDownLatch(posters);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int p = 0; p < posters; p++) {
            int poster = p;
            pool.execute(() -> {
                try {
                    // Stagger the posters over one period so that posts do not all leave at once.
                    long first = start + periodNanos * poster / posters;
                    for (int k = 0; k < perPoster; k++) {
                        int index = firstIndex + poster * perPoster + k;
                        caseOfMessage[index] = poster;
                        long due = first + k * periodNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        String body = "{\"text\":\"load message LB#" + index + "# from poster " + poster + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/cases/" + caseIds[poster]
                                        + "/messages")).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("Cookie", "RIS_SESSION=" + cookies.get(posterAccount[poster]))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long before = System.nanoTime();
                        sentAt.set(index, before);
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            postMillis[index] = System.nanoTime() - before;
                            if (response.statusCode() / 100 == 2) {
                                postedOk[index] = true;
                            } else {
                                if (errors.incrementAndGet() <= 5) {
                                    System.out.println("post failed: " + response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (Exception e) {
                            postMillis[index] = System.nanoTime() - before;
                            if (errors.incrementAndGet() <= 5) {
                                System.out.println("post failed: " + e);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        long bound = (long) perPoster * 1000 / rate + 60_000;
        if (!done.await(bound, TimeUnit.MILLISECONDS)) {
            System.out.println("posters did not finish within " + bound + " ms; stopping them");
        }
        pool.shutdownNow();
        return errors.get();
    }

    /** Waits (bounded) until every expected delivery of messages [from, to) has arrived. */
    static void drain(Sock[] socks, boolean[] caseNorth, boolean[] postedOk, int[] caseOfMessage, int from, int to,
                      int drainSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean complete = true;
            outer:
            for (Sock s : socks) {
                for (int i = from; i < to; i++) {
                    if (postedOk[i] && s.maySee(caseNorth[caseOfMessage[i]]) && s.receivedAt.get(i) == 0) {
                        complete = false;
                        break outer;
                    }
                }
            }
            if (complete) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** One client socket: records the arrival time of each benchmark message, once. */
    static final class Sock implements WebSocket.Listener {
        final Account account;
        final AtomicLongArray receivedAt;
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        volatile WebSocket ws;
        volatile boolean closed;
        private final StringBuilder partial = new StringBuilder();
        private long lastSequence = -1;

        Sock(Account account, int total) {
            this.account = account;
            this.receivedAt = new AtomicLongArray(total);
        }

        boolean maySee(boolean northCase) {
            return !account.doctor() || account.org().equals(northCase ? "north" : "south");
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Matcher seq = SEQ.matcher(text);
                if (seq.find()) {
                    long sequence = Long.parseLong(seq.group(1));
                    if (sequence <= lastSequence) {
                        outOfOrder.incrementAndGet();
                    }
                    lastSequence = Math.max(lastSequence, sequence);
                }
                if (text.startsWith("{\"type\":\"message.posted\"")) {
                    Matcher m = MARK.matcher(text);
                    if (m.find()) {
                        int index = Integer.parseInt(m.group(1));
                        if (index < receivedAt.length() && !receivedAt.compareAndSet(index, 0, now)) {
                            duplicates.incrementAndGet();
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }

    static String login(Account a) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + a.username() + "\",\"password\":\""
                            + a.password() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            expect(r, 200, "login " + a.username());
            for (String c : r.headers().allValues("set-cookie")) {
                if (c.startsWith("RIS_SESSION=")) {
                    return c.substring("RIS_SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                }
            }
            throw new IllegalStateException("no RIS_SESSION cookie for " + a.username());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String cookie, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Cookie", "RIS_SESSION=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "channel-load-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    static int count(boolean[] values, boolean value) {
        int c = 0;
        for (boolean v : values) {
            c += v == value ? 1 : 0;
        }
        return c;
    }

    static long pct(long[] sorted, int n, int percentile) {
        if (n == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, rank))];
    }

    static String msn(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }

    static void row(String name, String value) {
        System.out.println("| " + name + " | " + value + " |");
    }
}

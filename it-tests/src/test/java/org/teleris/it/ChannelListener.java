package org.teleris.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects what a live-channel socket receives, and how it was closed. */
final class ChannelListener implements WebSocket.Listener {

    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                messages.add(reader.readObject());
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.completeExceptionally(error);
    }

    List<JsonObject> messages() {
        return List.copyOf(messages);
    }

    /** Waits up to the timeout for a case.created message about the case. */
    JsonObject awaitCase(String caseId, long timeout, TimeUnit unit) throws InterruptedException {
        return await(message -> isAbout(message, caseId), unit.toSeconds(timeout));
    }

    /** Waits up to the timeout for a message that matches. */
    JsonObject await(java.util.function.Predicate<JsonObject> wanted, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            for (JsonObject message : messages) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching message within " + timeoutSeconds + " s; got " + messages);
    }

    boolean received(String caseId) {
        return messages.stream().anyMatch(message -> isAbout(message, caseId));
    }

    private static boolean isAbout(JsonObject message, String caseId) {
        return "case.created".equals(message.getString("type", "")) && message.containsKey("case")
                && caseId.equals(message.getJsonObject("case").getString("id"));
    }
}

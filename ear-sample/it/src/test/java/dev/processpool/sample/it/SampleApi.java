package dev.processpool.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The HTTP API of one of the sample's applications on the server under test, answering JSON. */
final class SampleApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> FINAL_BATCH_STATUSES = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** The EAR's API, under {@code /sample/api/}. */
    SampleApi() {
        this("sample");
    }

    /** The API of the application at {@code /<contextRoot>}, under {@code /<contextRoot>/api/}. */
    SampleApi(String contextRoot) {
        base = URI.create("http://127.0.0.1:" + System.getProperty("wildfly.http.port", "8080") + "/" + contextRoot
                + "/api/");
    }

    JsonObject getObject(String path) {
        return (JsonObject) get(path);
    }

    JsonArray getArray(String path) {
        return (JsonArray) get(path);
    }

    JsonStructure get(String path) {
        return join(getAsync(path));
    }

    CompletableFuture<JsonStructure> getAsync(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    JsonStructure post(String path, JsonValue body) {
        return join(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** Posts an HTML form ({@code application/x-www-form-urlencoded}) of one field. */
    JsonStructure postForm(String path, String field, String value) {
        String body = java.net.URLEncoder.encode(field, java.nio.charset.StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        return join(send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Starts the sample's batch job on {@code count} words; returns its execution id. */
    long startJob(int count) {
        return post("jobs/hash-words?count=" + count, JsonValue.EMPTY_JSON_OBJECT).asJsonObject()
                .getJsonNumber("executionId").longValue();
    }

    /** Asks for a job execution until its batch status is final; the job runs on the server's batch threads. */
    JsonObject awaitJob(long executionId, Duration timeout) throws InterruptedException {
        return awaitJob("hash-words", executionId, timeout);
    }

    /** As {@link #awaitJob(long, Duration)}, for the job {@code job}, read at {@code jobs/<job>/<executionId>}. */
    JsonObject awaitJob(String job, long executionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject execution = getObject("jobs/" + job + "/" + executionId);
        while (!FINAL_BATCH_STATUSES.contains(execution.getString("batchStatus")) && System.nanoTime() < deadline) {
            Thread.sleep(100);   // the interval of asking for a condition on the server, not a synchronisation
            execution = getObject("jobs/" + job + "/" + executionId);
        }
        return execution;
    }

    /** The status code of {@code GET path}, whatever it is, and its body. */
    HttpResponse<String> getResponse(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for GET " + request.uri(), e);
        }
    }

    private CompletableFuture<JsonStructure> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).header("Accept", "application/json").build();
        return client.sendAsync(built, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).read();
        });
    }

    private static JsonStructure join(CompletableFuture<JsonStructure> answer) {
        try {
            return answer.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw e;
        }
    }
}

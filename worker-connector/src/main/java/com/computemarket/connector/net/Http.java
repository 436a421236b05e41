package com.computemarket.connector.net;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Small blocking HTTP calls whose transport failures become one {@link ExitCodes#UNREACHABLE} line. */
public final class Http {

    public record Reply(int status, String body) {
        public JsonNode json() {
            return Json.parseLenient(body);
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public Http(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public static Http standard() {
        return new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Duration.ofSeconds(30));
    }

    public HttpClient client() {
        return client;
    }

    public Reply postForm(URI uri, Map<String, String> form, String what) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), what);
    }

    public Reply postJson(URI uri, Object body, String bearer, String what) {
        return send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), what);
    }

    private Reply send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw unreachable(what, request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "interrupted while calling " + what);
        }
    }

    /** One line for a transport failure: what could not be reached, where, and why in a few words. */
    public static CliException unreachable(String what, URI uri, Throwable e) {
        return new CliException(ExitCodes.UNREACHABLE, "cannot reach " + what + " at " + origin(uri) + ": " + reason(e), e);
    }

    /** A few words for a transport failure: the first cause in the chain that says what happened. */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS failed (" + t.getMessage() + ")";
            }
        }
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

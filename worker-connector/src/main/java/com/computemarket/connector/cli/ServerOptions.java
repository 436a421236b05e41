package com.computemarket.connector.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the marketplace is. */
public final class ServerOptions {

    public static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:CM_SERVER_URL:-" + DEFAULT_SERVER + "}",
            description = "marketplace base URL; the API is under /api, the worker socket at /worker "
                    + "(default: $CM_SERVER_URL or ${DEFAULT-VALUE})")
    String server;

    public URI base() {
        String s = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--server is not a URL: " + server);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new CliException(ExitCodes.USAGE, "--server must be an http:// or https:// URL; got " + server);
        }
        return uri;
    }

    public URI api(String path) {
        return URI.create(base() + "/" + path);
    }

    /** ws(s)://host:port/worker. */
    public URI workerSocket() {
        URI b = base();
        return URI.create(("https".equals(b.getScheme()) ? "wss" : "ws") + "://" + b.getRawAuthority() + "/worker");
    }
}

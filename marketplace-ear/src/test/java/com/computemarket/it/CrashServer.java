package com.computemarket.it;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * The server that crash tests start, kill and restart themselves (Arquillian manual mode, launch wildfly-crash), and
 * the properties file beside it through which their client-side and in-container steps hand data over.
 */
final class CrashServer {

    static final String NAME = "wildfly-crash";

    private CrashServer() {
    }

    /** Starts the server with the IT wallet, the given L1 URL and extra JVM arguments. */
    static void start(ContainerController controller, String l1Url, String extraVmArguments) {
        String vm = "-Xms256m -Xmx1g -Djboss.socket.binding.port-offset=" + offset()
                + " -Dcm.deployments.dir=arquillian-deployments -Dcm.l1.url=" + l1Url
                + " -Dcm.wallet.keystore=" + System.getProperty("cm.it.wallet")
                + " -Dcm.wallet.passphrase=" + System.getProperty("cm.it.wallet.passphrase")
                + " -Dcm.chain.block-poll=200ms " + extraVmArguments;
        controller.start(NAME, Map.of("javaVmArguments", vm));
    }

    static int offset() {
        return Integer.parseInt(System.getProperty("cm.it.port.offset", "0"));
    }

    static URI api(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + offset()) + "/api" + path);
    }

    static HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Kills the server's JVM with SIGKILL (no shutdown hooks, no graceful undeploy: as a power cut would), then lets
     * Arquillian know. The JVM is the one running jboss-modules from this jbossHome.
     */
    static void killHard(ContainerController controller) throws InterruptedException {
        String home = Path.of(System.getProperty("jboss.home")).toAbsolutePath().normalize().toString();
        var servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules") && c.contains(home)).orElse(false))
                .toList();
        if (servers.isEmpty()) {
            throw new AssertionError("no server JVM from " + home + " to kill");
        }
        servers.forEach(ProcessHandle::destroyForcibly);
        awaitGone(Duration.ofSeconds(60));
        controller.kill(NAME);
    }

    /** Waits until the management port no longer answers (the JVM is gone). */
    static void awaitGone(Duration timeout) throws InterruptedException {
        int port = Integer.parseInt(System.getProperty("cm.it.management.port", "9990"));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (IOException e) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the server did not go away");
    }

    /** The handover file as the client side sees it. */
    static Path clientFile(String name) {
        return Path.of(System.getProperty("jboss.home"), name + ".properties");
    }

    /** The same file as a step running inside the server sees it. */
    static Path serverFile(String name) {
        return Path.of(System.getProperty("jboss.home.dir"), name + ".properties");
    }

    static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    static void write(Path file, Properties p) {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "crash test handover");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.computemarket.connector.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK transport against a minimal RFC 6455 server: the bearer header, 401 on the handshake, text both ways. */
class JdkWebSocketTransportTest {

    ServerSocket server;
    final BlockingQueue<String> fromClient = new LinkedBlockingQueue<>();
    volatile String authorization;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private URI serve(boolean accept) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                String key = null;
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    String lower = line.toLowerCase();
                    if (lower.startsWith("sec-websocket-key:")) {
                        key = line.substring(line.indexOf(':') + 1).trim();
                    } else if (lower.startsWith("authorization:")) {
                        authorization = line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                if (!accept) {
                    out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                String acceptKey = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + acceptKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                writeText(out, "{\"type\":\"heartbeat\"}");
                DataInputStream data = new DataInputStream(in);
                while (true) {
                    int b0 = data.readUnsignedByte();
                    int b1 = data.readUnsignedByte();
                    int len = b1 & 0x7f;
                    if (len == 126) {
                        len = data.readUnsignedShort();
                    }
                    byte[] mask = new byte[4];
                    data.readFully(mask);
                    byte[] payload = new byte[len];
                    data.readFully(payload);
                    for (int i = 0; i < len; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    if ((b0 & 0x0f) == 8) {
                        fromClient.add("<close>");
                        out.write(new byte[] {(byte) 0x88, 0});
                        out.flush();
                        return;
                    }
                    fromClient.add(new String(payload, StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                // the test ended
            }
        });
        t.setDaemon(true);
        t.start();
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/worker");
    }

    @Test
    void sendsTheBearerTokenAndTextFramesBothWays() throws Exception {
        URI uri = serve(true);
        CompletableFuture<String> received = new CompletableFuture<>();
        Transport.Connection c = new JdkWebSocketTransport(HttpClient.newHttpClient()).connect(uri, "tok-1", new Transport.Listener() {
            @Override
            public void onText(String text) {
                received.complete(text);
            }

            @Override
            public void onClosed(int status, String reason) {
            }

            @Override
            public void onError(Throwable error) {
            }
        });
        assertEquals("Bearer tok-1", authorization);
        assertEquals("{\"type\":\"heartbeat\"}", received.get(10, TimeUnit.SECONDS));
        c.send("one");
        c.send("two");
        assertEquals("one", fromClient.poll(10, TimeUnit.SECONDS));
        assertEquals("two", fromClient.poll(10, TimeUnit.SECONDS));
        c.close("bye");
        assertEquals("<close>", fromClient.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aRefusedHandshakeReportsItsStatus() throws Exception {
        URI uri = serve(false);
        Transport.ConnectFailure f = assertThrows(Transport.ConnectFailure.class,
                () -> new JdkWebSocketTransport(HttpClient.newHttpClient()).connect(uri, "bad", new Transport.Listener() {
                    @Override
                    public void onText(String text) {
                    }

                    @Override
                    public void onClosed(int status, String reason) {
                    }

                    @Override
                    public void onError(Throwable error) {
                    }
                }));
        assertEquals(401, f.status());
    }

    @Test
    void nobodyListeningIsStatusZero() throws Exception {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = s.getLocalPort();
        s.close();
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Transport.ConnectFailure f = assertThrows(Transport.ConnectFailure.class,
                () -> new JdkWebSocketTransport(HttpClient.newHttpClient()).connect(URI.create("ws://127.0.0.1:" + port + "/worker"), "t",
                        new Transport.Listener() {
                            @Override
                            public void onText(String text) {
                            }

                            @Override
                            public void onClosed(int status, String reason) {
                            }

                            @Override
                            public void onError(Throwable error) {
                            }
                        }));
        assertEquals(0, f.status());
        assertEquals("connection refused", f.getMessage());
    }

    private static void writeText(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        out.write(b.length);
        out.write(b);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** greeter: GET /hello?name=x says hello; GET /health reports the Java runtime it runs on. */
public class Main {
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/hello", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String name = query != null && query.startsWith("name=") ? query.substring(5) : "world";
            reply(exchange, "hello, " + name + "\n");
        });
        server.createContext("/health", exchange -> reply(exchange, "ok " + System.getProperty("java.vm.vendor")
                + " " + Runtime.version() + "\n"));
        server.start();
        System.out.println("greeter listening on :8080 (Java " + Runtime.version() + ")");
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

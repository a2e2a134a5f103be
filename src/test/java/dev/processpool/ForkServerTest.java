package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.context.ContextRegistry;
import dev.processpool.internal.context.StartMethodContext;
import dev.processpool.internal.forkserver.ForkServerClient;
import dev.processpool.internal.forkserver.ForkServerStarter;
import dev.processpool.internal.launch.TaskClassesSeen;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forkserver: a server per context, a reserve of warm workers, authenticated connections, restarts. */
class ForkServerTest {
    private final List<ForkServerClient> servers = new ArrayList<>();
    private final List<Pool> pools = new ArrayList<>();

    @BeforeEach
    void forkserverIsAvailable() {
        assumeTrue(ProcessContext.allStartMethods().contains("forkserver"), "no forkserver on this platform");
    }

    @AfterEach
    void stopPoolsAndServers() {
        pools.forEach(Pool::terminate);
        servers.forEach(ForkServerClient::close);
    }

    /** A context of its own, with its own server, stopped after the test. */
    private ProcessContext newContext() {
        ProcessContext context = ContextRegistry.INSTANCE.newContext("forkserver");
        servers.add(server(context));
        return context;
    }

    private static ForkServerClient server(ProcessContext context) {
        return ((ForkServerStarter) ((StartMethodContext) context).starter()).client();
    }

    private Pool pool(ProcessContext context, PoolOptions options) {
        Pool pool = context.newPool(options);
        pools.add(pool);
        return pool;
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    private static long parentOf(long pid) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
    }

    private static long liveChildren(long pid) {
        return ProcessHandle.of(pid).map(h -> h.children().filter(ProcessHandle::isAlive).count()).orElse(0L);
    }

    @Test
    void firstPoolStartsTheServerWhichHandsOutWorkersAndRefillsItsReserve() {
        ProcessContext context = newContext();
        assertEquals(-1, server(context).serverPid(), "no server before the first pool");
        Pool pool = pool(context, PoolOptions.builder().processes(2).build());
        Set<Long> workers = new HashSet<>(pool.map(ForkServerTest::pid, List.of(0, 1, 2, 3, 4, 5, 6, 7), 1));
        long server = server(context).serverPid();
        assertTrue(server > 0);
        workers.forEach(worker -> assertEquals(server, parentOf(worker), "worker " + worker + " is the server's child"));
        TestPools.await("2 handed-out workers and 2 in reserve", Duration.ofSeconds(30),
                () -> liveChildren(server) == 4);
    }

    /** A context's first pool starts its server ahead, while it makes itself, and then uses that server. */
    @Test
    void aServerStartedAheadIsTheOneTheFirstPoolUses() {
        ProcessContext context = newContext();
        ForkServerClient client = server(context);
        Set<Long> serversBefore = serverProcesses();

        client.startInBackground();
        client.startInBackground();
        TestPools.await("the server started ahead", Duration.ofSeconds(60), () -> client.serverPid() > 0);
        long server = client.serverPid();
        Pool pool = pool(context, PoolOptions.builder().processes(1).build());

        assertEquals(server, parentOf(pool.apply(ForkServerTest::pid, 0)), "the worker is that server's child");
        assertEquals(server, client.serverPid());
        Set<Long> started = serverProcesses();
        started.removeAll(serversBefore);
        assertEquals(Set.of(server), started, "one server started");
    }

    private static Set<Long> serverProcesses() {
        Set<Long> servers = new HashSet<>();
        ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("ForkServerMain"))
                .forEach(child -> servers.add(child.pid()));
        return servers;
    }

    @Test
    void theTaskClassesPoolsSendAreHintedToReserveWorkers() {
        Pool pool = pool(newContext(), PoolOptions.builder().processes(1).build());
        pool.apply(ForkServerTest::pid, 0);
        assertTrue(TaskClassesSeen.list().contains(ForkServerTest.class.getName()), "seen: " + TaskClassesSeen.list());
    }

    @Test
    void killedServerIsStartedAgainByTheNextRequest() throws Exception {
        ProcessContext context = newContext();
        Pool pool = pool(context, PoolOptions.builder().processes(1).maxTasksPerChild(1).build());
        long first = pool.apply(ForkServerTest::pid, 0);
        long server = server(context).serverPid();

        ProcessHandle.of(server).orElseThrow().destroyForcibly();
        ProcessHandle.of(server).get().onExit().get(10, TimeUnit.SECONDS);

        long second = pool.apply(ForkServerTest::pid, 1);
        long third = pool.apply(ForkServerTest::pid, 2);
        assertEquals(3, Set.of(first, second, third).size(), "a new worker per task");
        long restarted = server(context).serverPid();
        assertNotEquals(server, restarted);
        assertEquals(restarted, parentOf(third));
        assertEquals(List.of(7L, 7L), pool(context, PoolOptions.builder().processes(2).build())
                .map((Integer x) -> 7L, List.of(1, 2)), "a new pool of the context works too");
    }


    /** Reads until the server closes the connection; false if it stays open for 10 s. */
    private static boolean closedByServer(SocketChannel connection) throws Exception {
        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            try {
                while (true) {
                    buffer.clear();
                    if (connection.read(buffer) < 0) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return true;
            }
        });
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } finally {
            connection.close();
        }
    }

    @Test
    void connectionsWithoutTheKeyAreRefusedAndTheServerKeepsServing() throws Exception {
        ProcessContext context = newContext();
        Pool pool = pool(context, PoolOptions.builder().processes(1).maxTasksPerChild(1).build());
        pool.apply(ForkServerTest::pid, 0);
        long server = server(context).serverPid();
        Path socket = server(context).socketPath();
        assertTrue(socket.getParent().getFileName().toString().startsWith(PrivateSocket.DIRECTORY_PREFIX + server + "-"));
        assertTrue(Files.isDirectory(socket.getParent()));
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(socket.getParent()), "only the owner can open the directory");

        SocketChannel wrongKey = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        FrameChannel frames = new FrameChannel(wrongKey);
        assertEquals(FrameType.AUTH_CHALLENGE, frames.receive().type());
        frames.send(new FrameWriter(FrameType.AUTH_RESPONSE).putBytes(new byte[32]).putBytes(new byte[32]));
        assertTrue(closedByServer(wrongKey), "a wrong answer to the challenge is refused");

        SocketChannel garbage = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        garbage.write(ByteBuffer.wrap(new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3}));
        assertTrue(closedByServer(garbage), "a malformed frame is refused");

        for (int i = 1; i <= 3; i++) {
            assertTrue(pool.apply(ForkServerTest::pid, i) > 0, "the server still hands out workers");
        }
        assertEquals(server, server(context).serverPid(), "the same server");
    }

    @Test
    void twoContextsHaveTwoServersAndNeverShareWorkers() {
        ProcessContext a = newContext();
        ProcessContext b = newContext();
        Set<Long> workersOfA = new HashSet<>(pool(a, PoolOptions.builder().processes(2).build())
                .map(ForkServerTest::pid, List.of(1, 2, 3, 4), 1));
        Set<Long> workersOfB = new HashSet<>(pool(b, PoolOptions.builder().processes(2).build())
                .map(ForkServerTest::pid, List.of(1, 2, 3, 4), 1));
        long serverA = server(a).serverPid();
        long serverB = server(b).serverPid();
        assertNotEquals(serverA, serverB);
        workersOfA.forEach(w -> assertEquals(serverA, parentOf(w)));
        workersOfB.forEach(w -> assertEquals(serverB, parentOf(w)));
    }

    @Test
    void stoppingTheServersOfTheSharedContextsLeavesNoServerAndALaterPoolStartsOneAgain() throws Exception {
        ProcessContext shared = ProcessContext.of("forkserver");
        try (Pool pool = shared.newPool(PoolOptions.builder().processes(1).build())) {
            pool.apply(ForkServerTest::pid, 0);
        }
        long server = server(shared).serverPid();
        assertTrue(server > 0);

        ContextRegistry.INSTANCE.stopServers();

        assertTrue(ProcessHandle.of(server).map(h -> !h.isAlive()).orElse(true), "the shared server stopped");
        try (Pool pool = shared.newPool(PoolOptions.builder().processes(1).build())) {
            assertTrue(pool.apply(ForkServerTest::pid, 0) > 0);
        }
        assertNotEquals(server, server(shared).serverPid());
    }

    @Test
    void closingTheClientStopsTheServerAndItsReserve() throws Exception {
        ProcessContext context = newContext();
        pool(context, PoolOptions.builder().processes(2).build()).apply(ForkServerTest::pid, 0);
        long server = server(context).serverPid();
        Path socket = server(context).socketPath();
        List<Long> children = ProcessHandle.of(server).orElseThrow().children().map(ProcessHandle::pid).toList();
        pools.forEach(Pool::terminate);

        server(context).close();

        assertTrue(ProcessHandle.of(server).map(h -> !h.isAlive()).orElse(true), "server stopped");
        TestPools.await("the reserve to be gone", Duration.ofSeconds(5),
                () -> children.stream().noneMatch(TestPools::isAlive));
        assertTrue(Files.notExists(socket.getParent()), "the server's socket directory is removed");
    }
}

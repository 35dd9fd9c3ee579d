package org.teleris.consult.infrastructure.dimse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens on a TCP port and runs one {@link DimseAssociation} per connection, at most
 * {@code maxAssociations} at once (more are refused with A-ASSOCIATE-RJ, "local limit exceeded").
 * Plain Java: the application's start-up bean owns its life cycle.
 */
final class DimseListener {

    private static final Logger LOG = Logger.getLogger(DimseListener.class.getName());

    /** The listener's settings: port, our AE title, limits and where received files are spooled. */
    record Settings(int port, String aeTitle, int maxAssociations, int idleTimeoutMillis, java.nio.file.Path spool) {
    }

    private final Settings settings;
    private final StorageProvider provider;
    private final ThreadFactory threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private ServerSocket server;
    private ExecutorService workers;
    private Thread acceptor;
    private volatile boolean running;

    DimseListener(Settings settings, StorageProvider provider, ThreadFactory threads) {
        this.settings = settings;
        this.provider = provider;
        this.threads = threads;
        this.slots = new Semaphore(settings.maxAssociations());
    }

    /** Binds the port (0 picks a free one, for tests) and starts accepting. */
    synchronized void start() throws IOException {
        java.nio.file.Files.createDirectories(settings.spool());
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(settings.port()), 50);
        running = true;
        workers = Executors.newCachedThreadPool(threads);
        acceptor = threads.newThread(this::acceptLoop);
        acceptor.setName("dicom-listener-" + server.getLocalPort());
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "DICOM listener: accept failed: " + e.getMessage());
                    continue;
                }
                return;
            }
            boolean admitted = slots.tryAcquire();
            open.add(socket);
            try {
                workers.execute(() -> {
                    try {
                        new DimseAssociation(socket, settings, provider, admitted).run();
                    } finally {
                        open.remove(socket);
                        if (admitted) {
                            slots.release();
                        }
                    }
                });
            } catch (RuntimeException e) {
                open.remove(socket);
                if (admitted) {
                    slots.release();
                }
                closeQuietly(socket);
            }
        }
    }

    /** Stops accepting, closes every open association and waits briefly for their threads. */
    synchronized void stop() {
        running = false;
        if (server != null) {
            closeQuietly(server);
        }
        open.forEach(DimseListener::closeQuietly);
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (acceptor != null) {
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // closing on the way out
        }
    }

    static boolean isClosed(SocketException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase().contains("closed");
    }
}

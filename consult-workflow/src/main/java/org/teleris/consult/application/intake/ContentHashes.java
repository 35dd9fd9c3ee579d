package org.teleris.consult.application.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * SHA-256 of staged instances. The intake hashes a staged file while its own thread reads the
 * session and the index (neither needs the hash), so on a machine with a second core the two cost
 * the longer of them instead of their sum. The hashing threads are plain ones: reading a file and
 * digesting it needs no container context.
 */
final class ContentHashes {

    private static final ExecutorService HASHING = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "intake-sha256");
        t.setDaemon(true);
        return t;
    });

    private static final ThreadLocal<ByteBuffer> BUFFERS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

    private ContentHashes() {
    }

    /** Starts hashing {@code file} on a hashing thread; {@link #await} gives the hex digest. */
    static Future<String> beside(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sha256(file);
            } catch (IOException e) {
                throw new HashingFailed(e);
            }
        }, HASHING);
    }

    /** The digest of {@link #beside}, waiting for it; an interrupt is kept for later, never lost. */
    static String await(Future<String> hashing) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return hashing.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the staged file must not be deleted under the hashing thread
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof HashingFailed failed) {
                        throw failed.getCause();
                    }
                    throw new IOException("hashing a staged instance failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SHA-256 of a file, read in 64 KB blocks (a staged file was just written: it is in the page cache). */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        ByteBuffer buffer = BUFFERS.get();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.clear();
            while (in.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class HashingFailed extends RuntimeException {
        HashingFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}

package org.teleris.consult.infrastructure.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.intake.DeidentificationSecrets;
import org.teleris.consult.application.upload.ChecksumClaim;
import org.teleris.consult.application.upload.FileOutcome;
import org.teleris.consult.application.upload.UploadStore;
import org.teleris.consult.domain.upload.ResumableUpload;

/**
 * Partial uploads under {@code <data>/uploads/<id>/}: {@code upload.properties} (owner, session, length,
 * nonce; never a file name), {@code data.enc} (the received bytes, AES-256-CTR), {@code offset} (the
 * durable length, replaced atomically after an fsync of the data) and, once handed to the intake,
 * {@code outcomes.tsv} instead of the data. The key of each upload is HMAC-SHA-256 of the organisation's
 * secret over the upload id: it is never written, so the disk alone does not give the clinic's original
 * bytes away. CTR lets any offset be encrypted or decrypted on its own: the counter block is the upload's
 * random 8-byte nonce followed by offset / 16.
 */
@ApplicationScoped
public class EncryptedUploadStore implements UploadStore {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final long CHECKPOINT_BYTES = 4L << 20;
    private static final String META = "upload.properties";
    private static final String DATA = "data.enc";
    private static final String OFFSET = "offset";
    private static final String OUTCOMES = "outcomes.tsv";
    private static final String PLAIN = "plain.part";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    DeidentificationSecrets secrets;

    private Path root() {
        return Path.of(dataDir, "uploads");
    }

    private Path dir(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an upload id");
        }
        return root().resolve(id);
    }

    @Override
    public void create(ResumableUpload upload) throws IOException {
        Path dir = Files.createDirectories(dir(upload.id()));
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        Properties p = new Properties();
        p.setProperty("id", upload.id());
        p.setProperty("organisationId", upload.organisationId());
        p.setProperty("username", upload.username());
        p.setProperty("uploadSessionId", upload.uploadSessionId());
        p.setProperty("channel", upload.channel());
        p.setProperty("length", Long.toString(upload.length()));
        p.setProperty("createdAt", upload.createdAt().toString());
        p.setProperty("nonce", Base64.getEncoder().encodeToString(nonce));
        StringBuilder text = new StringBuilder();
        p.stringPropertyNames().stream().sorted().forEach(k -> text.append(k).append('=').append(p.getProperty(k))
                .append('\n'));
        writeAtomically(dir, META, text.toString().getBytes(StandardCharsets.ISO_8859_1));
        fsyncDirectory(root());
    }

    @Override
    public Optional<ResumableUpload> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path dir = dir(id);
        Path meta = dir.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            Properties p = meta(dir);
            long length = Long.parseLong(p.getProperty("length"));
            Path offsetFile = dir.resolve(OFFSET);
            boolean processed = Files.exists(dir.resolve(OUTCOMES));
            long offset = 0;
            Instant created = Instant.parse(p.getProperty("createdAt"));
            Instant lastWrite = created;
            if (Files.exists(offsetFile)) {
                offset = Long.parseLong(Files.readString(offsetFile, StandardCharsets.ISO_8859_1).trim());
                lastWrite = Files.getLastModifiedTime(offsetFile).toInstant();
            }
            return Optional.of(new ResumableUpload(id, p.getProperty("organisationId"), p.getProperty("username"),
                    p.getProperty("uploadSessionId"), p.getProperty("channel"), length, Math.min(offset, length),
                    created, lastWrite.isBefore(created) ? created : lastWrite, processed));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // removed meanwhile, or half-written by a killed process: swept at start-up
        }
    }

    @Override
    public Appended append(ResumableUpload upload, InputStream body, long maxBytes, ChecksumClaim checksum)
            throws IOException {
        Path dir = dir(upload.id());
        long start = upload.offset();
        Cipher cipher = cipherAt(upload, start);
        MessageDigest digest = checksum == null ? null : checksum.digest();
        byte[] buffer = new byte[65_536];
        long written = 0;
        long sinceCheckpoint = 0;
        IOException gone = null;
        try (FileChannel data = FileChannel.open(dir.resolve(DATA), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            data.truncate(start); // bytes after the durable offset were never acknowledged
            data.position(start);
            while (written < maxBytes) {
                int n;
                try {
                    n = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - written));
                } catch (IOException e) {
                    gone = e;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                ByteBuffer sealed = ByteBuffer.wrap(cipher.update(buffer, 0, n));
                while (sealed.hasRemaining()) {
                    data.write(sealed);
                }
                written += n;
                sinceCheckpoint += n;
                if (digest == null && sinceCheckpoint >= CHECKPOINT_BYTES) {
                    data.force(false);
                    recordOffset(dir, start + written);
                    sinceCheckpoint = 0;
                }
            }
            if (digest != null && (gone != null || !MessageDigest.isEqual(digest.digest(), checksum.expected()))) {
                data.truncate(start);
                return new Appended(start, gone == null, gone);
            }
            data.force(false);
        }
        if (written > 0 || !Files.exists(dir.resolve(OFFSET))) {
            recordOffset(dir, start + written);
        }
        return new Appended(start + written, false, gone);
    }

    @Override
    public Path plaintext(ResumableUpload upload) throws IOException {
        Path dir = dir(upload.id());
        Path plain = dir.resolve(PLAIN);
        Cipher cipher = cipherAt(upload, 0);
        byte[] buffer = new byte[65_536];
        long remaining = upload.length();
        try (InputStream in = Files.newInputStream(dir.resolve(DATA));
             OutputStream out = Files.newOutputStream(plain)) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("upload data shorter than its recorded offset");
                }
                out.write(cipher.update(buffer, 0, n));
                remaining -= n;
            }
        }
        return plain;
    }

    @Override
    public Path scratch(ResumableUpload upload, String name) {
        return dir(upload.id()).resolve(name);
    }

    @Override
    public void recordOutcomes(ResumableUpload upload, List<FileOutcome> outcomes) throws IOException {
        Path dir = dir(upload.id());
        StringBuilder text = new StringBuilder();
        for (FileOutcome o : outcomes) {
            text.append(o.entry()).append('\t').append(o.status()).append('\t').append(clean(o.sopInstanceUid()))
                    .append('\t').append(clean(o.reasonCode())).append('\t').append(clean(o.reason())).append('\n');
        }
        writeAtomically(dir, OUTCOMES, text.toString().getBytes(StandardCharsets.UTF_8));
        Files.deleteIfExists(dir.resolve(DATA));
        fsyncDirectory(dir);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public List<FileOutcome> outcomes(String id) {
        try {
            List<FileOutcome> outcomes = new ArrayList<>();
            for (String line : Files.readAllLines(dir(id).resolve(OUTCOMES), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 5) {
                    outcomes.add(new FileOutcome(Integer.parseInt(f[0]), f[1], blank(f[2]), blank(f[3]), blank(f[4])));
                }
            }
            return outcomes;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    @Override
    public void delete(String id) {
        Path dir = dir(id);
        try {
            if (Files.exists(dir)) {
                // The metadata first: a half-deleted upload is no longer found, and the sweep ends the rest.
                Files.deleteIfExists(dir.resolve(META));
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> ids() {
        if (!Files.isDirectory(root())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> ID.matcher(n).matches()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public int sweepTemporaries() {
        int removed = 0;
        if (!Files.isDirectory(root())) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(root())) {
            for (Path dir : entries.toList()) {
                if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve(META))) {
                    deleteTree(dir);
                    removed++;
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".part") || name.endsWith(".tmp")) {
                            Files.deleteIfExists(f);
                            removed++;
                        }
                    }
                }
                if (Files.exists(dir.resolve(OUTCOMES))) {
                    Files.deleteIfExists(dir.resolve(DATA));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private Cipher cipherAt(ResumableUpload upload, long offset) throws IOException {
        try {
            Properties p = meta(dir(upload.id()));
            byte[] nonce = Base64.getDecoder().decode(p.getProperty("nonce"));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secretFor(upload.organisationId()), "HmacSHA256"));
            byte[] key = mac.doFinal(("teleris/resumable-upload/v1/" + upload.id()).getBytes(StandardCharsets.US_ASCII));
            ByteBuffer counter = ByteBuffer.allocate(16).put(nonce, 0, 8).putLong(offset / 16);
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter.array()));
            int skip = (int) (offset % 16);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR and HMAC-SHA-256 are part of every Java runtime", e);
        }
    }

    private static Properties meta(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(META))) {
            p.load(in);
        }
        return p;
    }

    private static void recordOffset(Path dir, long offset) throws IOException {
        writeAtomically(dir, OFFSET, Long.toString(offset).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Temp file, fsync, atomic rename: a reader sees the old or the new content, never half of it. */
    private static void writeAtomically(Path dir, String name, byte[] content) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                out.write(b);
            }
            out.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory(dir);
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

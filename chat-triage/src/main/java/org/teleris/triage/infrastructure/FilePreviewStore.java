package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.triage.application.PreviewStore;

/** Sanitised previews as files under {@code <ris.data.dir>/previews}, written atomically. */
@ApplicationScoped
public class FilePreviewStore implements PreviewStore {

    private static final Pattern SAFE_ID = Pattern.compile("[0-9a-f-]{36}");

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    @Override
    public void write(String previewId, byte[] bytes) throws IOException {
        Path target = fileOf(previewId);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), previewId, ".part");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public byte[] read(String previewId) throws IOException {
        return Files.readAllBytes(fileOf(previewId));
    }

    private Path fileOf(String previewId) {
        if (!SAFE_ID.matcher(previewId).matches()) {
            throw new IllegalArgumentException("not a preview id: " + previewId);
        }
        return Path.of(dataDir, "previews", previewId);
    }
}

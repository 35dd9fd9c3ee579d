package org.teleris.anonymizer.infrastructure;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.teleris.anonymizer.domain.MaskedRegion;
import org.teleris.anonymizer.domain.PreviewKind;
import org.teleris.anonymizer.domain.PreviewLimits;
import org.teleris.anonymizer.domain.PreviewRejectedException;
import org.teleris.anonymizer.domain.RejectionCode;

/**
 * Screen videos: limits checked with ffprobe (headers only), frames sampled and OCR'd, then Debian's ffmpeg
 * writes a new file with only the first video stream: container and stream metadata, chapters, subtitles, data
 * and audio streams are dropped. Text regions found in any sampled frame are blacked out for the whole video
 * (viewer overlays do not move); without text the video stream is copied, not re-encoded.
 */
public final class FfmpegVideoSanitizer {

    private static final int SAMPLED_FRAMES = 6;
    private static final long TOOL_TIMEOUT_SECONDS = 300;
    /** Tags that are container structure, not content: allowed to remain in the output. */
    private static final Set<String> STRUCTURAL_TAGS = Set.of("major_brand", "minor_version", "compatible_brands",
            "handler_name", "language", "vendor_id", "encoder", "DURATION");

    private final TesseractOcr ocr;

    public FfmpegVideoSanitizer(TesseractOcr ocr) {
        this.ocr = ocr;
    }

    /** The result of sanitising one video. */
    public record Result(byte[] bytes, List<MaskedRegion> masked, int framesChecked, List<String> removed) {
    }

    public Result sanitize(byte[] content, PreviewKind kind, PreviewLimits limits) throws PreviewRejectedException, IOException {
        Path work = Files.createTempDirectory("preview-");
        try {
            Path in = work.resolve(kind == PreviewKind.MP4 ? "in.mp4" : "in.webm");
            Files.write(in, content);
            VideoProbe probe = probe(in);
            checkLimits(probe, kind, limits);
            List<String> removed = removedParts(probe);
            List<Rectangle> text = new ArrayList<>();
            int frames = sampleAndOcr(in, work, probe, text);
            Path out = work.resolve(kind == PreviewKind.MP4 ? "out.mp4" : "out.webm");
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", in.toString(),
                    "-map", "0:v:0", "-map_metadata", "-1", "-map_metadata:s:v", "-1", "-map_chapters", "-1",
                    "-an", "-sn", "-dn", "-fflags", "+bitexact", "-threads", "1"));
            if (text.isEmpty()) {
                cmd.addAll(List.of("-c:v", "copy"));
            } else {
                cmd.addAll(List.of("-vf", drawboxes(text), "-flags:v", "+bitexact"));
                cmd.addAll(kind == PreviewKind.MP4
                        ? List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p")
                        : List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "0", "-crf", "32"));
            }
            if (kind == PreviewKind.MP4) {
                cmd.addAll(List.of("-movflags", "+faststart"));
            }
            cmd.add(out.toString());
            ExternalTool.Output r = ExternalTool.run(cmd, TOOL_TIMEOUT_SECONDS);
            if (r.exitCode() != 0 || !Files.exists(out)) {
                throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "the video could not be rewritten by ffmpeg");
            }
            checkClean(probe(out));
            List<MaskedRegion> masked = text.stream().map(t -> new MaskedRegion(-1, t.x, t.y, t.width, t.height, "OCR")).toList();
            return new Result(Files.readAllBytes(out), masked, frames, removed);
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static VideoProbe probe(Path file) throws IOException, PreviewRejectedException {
        ExternalTool.Output r = ExternalTool.run(List.of("ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "flat",
                file.toString()), 60);
        if (r.exitCode() != 0) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "the video container cannot be read");
        }
        return VideoProbe.parse(r.stdout());
    }

    private static void checkLimits(VideoProbe p, PreviewKind kind, PreviewLimits limits) throws PreviewRejectedException {
        boolean formatOk = kind == PreviewKind.MP4 ? p.formatName().contains("mp4") : p.formatName().contains("webm");
        if (!formatOk) {
            throw new PreviewRejectedException(RejectionCode.UNSUPPORTED_MEDIA_TYPE, "container '" + p.formatName()
                    + "' is not an accepted preview video (MP4 or WebM)");
        }
        List<VideoProbe.Stream> video = p.videoStreams();
        if (video.isEmpty()) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "the file has no video stream");
        }
        if (p.streams().size() > limits.maxStreams()) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, p.streams().size()
                    + " streams in one file (limit " + limits.maxStreams() + "): nested or padded containers are refused");
        }
        if (kind == PreviewKind.WEBM && !Set.of("vp8", "vp9", "av1").contains(video.get(0).codecName())) {
            throw new PreviewRejectedException(RejectionCode.UNSUPPORTED_MEDIA_TYPE, "Matroska with " + video.get(0).codecName()
                    + " video is not WebM");
        }
        if (p.durationSeconds() > limits.maxDurationSeconds()) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, String.format(
                    "video of %.0f s is longer than the %.0f s allowed for a preview", p.durationSeconds(), limits.maxDurationSeconds()));
        }
        for (VideoProbe.Stream s : video) {
            if (s.width() > limits.maxWidth() || s.height() > limits.maxHeight() || (long) s.width() * s.height() > limits.maxPixels()) {
                throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, "video of " + s.width() + "x" + s.height()
                        + " exceeds the limit of " + limits.maxWidth() + "x" + limits.maxHeight());
            }
            long frames = s.frames() > 0 ? s.frames() : (long) Math.ceil(s.frameRate() * p.durationSeconds());
            if (frames > limits.maxFrames()) {
                throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, frames + " frames exceed the limit of "
                        + limits.maxFrames());
            }
        }
    }

    private static List<String> removedParts(VideoProbe p) {
        List<String> removed = new ArrayList<>();
        if (p.formatTagKeys().stream().anyMatch(k -> !STRUCTURAL_TAGS.contains(k))) {
            removed.add("container metadata");
        }
        if (p.streams().stream().anyMatch(s -> s.tagKeys().stream().anyMatch(k -> !STRUCTURAL_TAGS.contains(k)))) {
            removed.add("stream metadata");
        }
        for (String type : List.of("audio", "subtitle", "data", "attachment")) {
            if (p.streams().stream().anyMatch(s -> type.equals(s.codecType()))) {
                removed.add(type + " streams");
            }
        }
        if (p.videoStreams().size() > 1) {
            removed.add("extra video streams");
        }
        return removed;
    }

    private int sampleAndOcr(Path in, Path work, VideoProbe probe, List<Rectangle> text) throws IOException, PreviewRejectedException {
        double duration = Math.max(0.1, probe.durationSeconds());
        double interval = Math.max(0.5, duration / SAMPLED_FRAMES);
        ExternalTool.Output r = ExternalTool.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", in.toString(), "-map", "0:v:0",
                "-vf", "fps=1/" + interval, "-frames:v", String.valueOf(SAMPLED_FRAMES), work.resolve("frame%02d.png").toString()),
                TOOL_TIMEOUT_SECONDS);
        if (r.exitCode() != 0) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "frames of the video cannot be decoded");
        }
        int count = 0;
        try (Stream<Path> frames = Files.list(work)) {
            for (Path f : frames.filter(p -> p.getFileName().toString().startsWith("frame")).sorted().toList()) {
                BufferedImage img = ImageIO.read(f.toFile());
                if (img != null) {
                    text.addAll(padded(ocr.findText(img), img.getWidth(), img.getHeight()));
                    count++;
                }
            }
        }
        if (count == 0) {
            throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "no frame of the video could be decoded");
        }
        return count;
    }

    private static List<Rectangle> padded(List<Rectangle> boxes, int w, int h) {
        List<Rectangle> out = new ArrayList<>();
        for (Rectangle r : boxes) {
            int pad = Math.max(2, r.height / 4);
            Rectangle p = new Rectangle(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad).intersection(new Rectangle(0, 0, w, h));
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String drawboxes(List<Rectangle> boxes) {
        StringBuilder vf = new StringBuilder();
        for (Rectangle r : boxes) {
            if (vf.length() > 0) {
                vf.append(',');
            }
            vf.append("drawbox=x=").append(r.x).append(":y=").append(r.y).append(":w=").append(r.width).append(":h=")
                    .append(r.height).append(":color=black:t=fill");
        }
        return vf.toString();
    }

    /** The rewritten file must have one video stream and no descriptive metadata left. */
    private static void checkClean(VideoProbe p) throws PreviewRejectedException {
        boolean metadataLeft = p.formatTagKeys().stream().anyMatch(k -> !STRUCTURAL_TAGS.contains(k))
                || p.streams().stream().anyMatch(s -> s.tagKeys().stream().anyMatch(k -> !STRUCTURAL_TAGS.contains(k)));
        if (p.streams().size() != 1 || metadataLeft) {
            throw new PreviewRejectedException(RejectionCode.TOOL_FAILED, "metadata or extra streams survived rewriting; refused");
        }
    }
}

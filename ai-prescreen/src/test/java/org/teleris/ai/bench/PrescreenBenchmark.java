package org.teleris.ai.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.teleris.ai.fixtures.Lesion;
import org.teleris.ai.fixtures.SyntheticChestCt;
import org.teleris.ai.fixtures.SyntheticDicomSeries;
import org.teleris.ai.interfaces.AiPrescreen;
import org.teleris.ai.interfaces.AiPrescreenConfig;
import org.teleris.ai.interfaces.DicomOutputs;
import org.teleris.ai.interfaces.PrescreenReport;

/** Prints the figures the issue asks for; see scripts/bench/ai-prescreen.sh. */
public final class PrescreenBenchmark {
    private PrescreenBenchmark() {
    }

    /**
     * {@code generate DIR [slices]} writes the synthetic study and previews (not timed, separate JVM so
     * that the measured process's memory is the library's); {@code run DIR [passes] [previews]} measures.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(dir, args.length > 2 ? Integer.parseInt(args[2]) : 300);
        } else {
            run(dir, args.length > 2 ? Integer.parseInt(args[2]) : 3, args.length > 3 ? Integer.parseInt(args[3]) : 20);
        }
    }

    private static void generate(Path dir, int slices) throws Exception {
        long t0 = System.nanoTime();
        SyntheticChestCt.Phantom phantom = new SyntheticChestCt(slices, 512, 0.7, 1.0).seed(7)
                .lesion(Lesion.sphere(-110, 20, 10, 30, Lesion.GROUND_GLASS_HU))
                .lesion(Lesion.sphere(105, 30, -20, 28, Lesion.GROUND_GLASS_HU))
                .lesion(Lesion.sphere(60, -40, 30, 18, Lesion.CONSOLIDATION_HU)).build();
        new SyntheticDicomSeries().write(phantom.volume(), dir.resolve("study"));
        List<byte[]> previewSlices = new SyntheticDicomSeries().bytes(phantom.volume(), slices / 2 - 20, slices / 2, slices / 2 + 20);
        Files.createDirectories(dir.resolve("preview"));
        for (int i = 0; i < previewSlices.size(); i++) {
            Files.write(dir.resolve("preview").resolve("slice" + i + ".dcm"), previewSlices.get(i));
        }
        Files.write(dir.resolve("screenshot.png"), screenshot(phantom, slices / 2));
        Files.writeString(dir.resolve("truth.txt"), String.format(Locale.ROOT,
                "truth: involvement right %.1f %%, left %.1f %%, total %.1f %%%n",
                100 * phantom.involvementRight(), 100 * phantom.involvementLeft(), 100 * phantom.involvementTotal()));
        System.out.printf(Locale.ROOT, "generated %d slices in %.1f s (not timed)%n", slices, (System.nanoTime() - t0) / 1e9);
    }

    private static void run(Path dir, int passes, int previews) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("study"))) {
            files = s.sorted().toList();
        }
        List<byte[]> previewSlices = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("preview"))) {
            for (Path p : s.sorted().toList()) {
                previewSlices.add(Files.readAllBytes(p));
            }
        }
        byte[] screenshot = Files.readAllBytes(dir.resolve("screenshot.png"));
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "input: %d slices 512x512, %.0f MB of DICOM (explicit VR little endian, 16 bit)%n",
                files.size(), bytes / 1e6);
        System.out.print(Files.readString(dir.resolve("truth.txt")));

        try (AiPrescreen ai = AiPrescreen.start(AiPrescreenConfig.defaults())) {
            PrescreenReport warm = ai.analyseStudy(files).get(10, TimeUnit.MINUTES); // warm-up, not counted
            check(warm);
            double[] study = new double[passes];
            PrescreenReport last = warm;
            for (int i = 0; i < passes; i++) {
                long s = System.nanoTime();
                last = ai.analyseStudy(files).get(10, TimeUnit.MINUTES);
                study[i] = (System.nanoTime() - s) / 1e6;
                check(last);
            }
            System.out.printf(Locale.ROOT, "stage II study -> result (read %d files, HU, resample, ONNX, maps): median %.0f ms, runs %s (goal <= 10000 ms)%n",
                    files.size(), median(study), fmt(study));
            System.out.printf(Locale.ROOT, "  result: involvement right %.1f %%, left %.1f %%, total %.1f %%, %s, probability %.2f%n",
                    100 * last.result().involvement().right(), 100 * last.result().involvement().left(),
                    100 * last.result().involvement().total(), last.result().ctClass().label(), last.result().probability());
            Path outDir = Files.createTempDirectory(dir, "out");
            long s = System.nanoTime();
            DicomOutputs out = ai.writeDicomOutputs(last, files, outDir, AiPrescreen.DEFAULT_CAPTURE_IMAGES);
            System.out.printf(Locale.ROOT, "stage II outputs: SR + %d secondary capture images written in %.0f ms%n",
                    out.secondaryCaptures().size(), (System.nanoTime() - s) / 1e6);

            for (int i = 0; i < 3; i++) { // warm-up
                check(ai.preview(previewSlices).get(1, TimeUnit.MINUTES));
                check(ai.preview(List.of(screenshot)).get(1, TimeUnit.MINUTES));
            }
            double[] dicomPreview = new double[previews];
            double[] imagePreview = new double[previews];
            for (int i = 0; i < previews; i++) {
                long a = System.nanoTime();
                check(ai.preview(previewSlices).get(1, TimeUnit.MINUTES));
                dicomPreview[i] = (System.nanoTime() - a) / 1e6;
                long b = System.nanoTime();
                check(ai.preview(List.of(screenshot)).get(1, TimeUnit.MINUTES));
                imagePreview[i] = (System.nanoTime() - b) / 1e6;
            }
            System.out.printf(Locale.ROOT, "stage I preview, 3 DICOM slices 512x512 -> report with heat map PNG: p50 %.0f ms, p95 %.0f ms (goal p95 <= 2000 ms, n=%d)%n",
                    pct(dicomPreview, 50), pct(dicomPreview, 95), previews);
            System.out.printf(Locale.ROOT, "stage I preview, 512x512 PNG screenshot -> report with heat map PNG: p50 %.0f ms, p95 %.0f ms (n=%d)%n",
                    pct(imagePreview, 50), pct(imagePreview, 95), previews);
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "JVM heap: max %.0f MB, sum of per-pool peaks %.0f MB%n",
                Runtime.getRuntime().maxMemory() / 1e6, heapPeak / 1e6);
    }

    private static void check(PrescreenReport r) {
        if (!r.result().completed()) {
            throw new IllegalStateException("benchmark run did not complete: " + r.result().kind() + " " + r.result().reason());
        }
    }

    private static byte[] screenshot(SyntheticChestCt.Phantom p, int slice) throws Exception {
        var v = p.volume();
        var img = new java.awt.image.BufferedImage(v.width(), v.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                int g = (int) Math.max(0, Math.min(255, (v.at(slice, y, x) + 1350) / 1500 * 255));
                img.setRGB(x, y, g * 0x010101);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static double median(double[] v) {
        return pct(v, 50);
    }

    /** Nearest-rank percentile. */
    private static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static String fmt(double[] v) {
        List<String> out = new ArrayList<>();
        for (double d : v) {
            out.add(String.format(Locale.ROOT, "%.0f", d));
        }
        return out.toString();
    }
}

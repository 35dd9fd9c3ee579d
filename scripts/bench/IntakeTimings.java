import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the intake's flight-recorder events (org.teleris.IntakeInstance, org.teleris.DimseStore) of a
 * recording: per step the mean, median, 95th percentile and share of the total, in milliseconds.
 * Usage: java scripts/bench/IntakeTimings.java recording.jfr
 */
public class IntakeTimings {

    public static void main(String[] args) throws Exception {
        Map<String, Map<String, List<Long>>> byEvent = new LinkedHashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String name = e.getEventType().getName();
            if (!name.startsWith("org.teleris.")) {
                continue;
            }
            if (e.hasField("outcome") && !"STORED".equals(e.getString("outcome"))) {
                continue; // duplicates and refusals skip steps; the figures are for stored instances
            }
            Map<String, List<Long>> fields = byEvent.computeIfAbsent(name, n -> new LinkedHashMap<>());
            fields.computeIfAbsent("(event duration)", f -> new ArrayList<>()).add(e.getDuration().toNanos());
            for (ValueDescriptor v : e.getFields()) {
                if ("jdk.jfr.Timespan".equals(v.getContentType()) && !"duration".equals(v.getName())) {
                    Duration d = e.getDuration(v.getName());
                    fields.computeIfAbsent(v.getName(), f -> new ArrayList<>()).add(d.toNanos());
                }
            }
        }
        for (var event : byEvent.entrySet()) {
            List<Long> total = event.getValue().get("(event duration)");
            double totalMean = mean(total);
            System.out.printf("%s: %d events%n", event.getKey(), total.size());
            System.out.printf("  %-18s %9s %9s %9s %7s%n", "step", "mean ms", "median", "p95", "share");
            for (var field : event.getValue().entrySet()) {
                List<Long> v = field.getValue();
                v.sort(null);
                System.out.printf("  %-18s %9.3f %9.3f %9.3f %6.1f%%%n", field.getKey(), mean(v) / 1e6,
                        v.get(v.size() / 2) / 1e6, v.get((int) Math.min(v.size() - 1, Math.round(v.size() * 0.95))) / 1e6,
                        100 * mean(v) / totalMean);
            }
        }
    }

    private static double mean(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}

package org.teleris.anonymizer.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What ffprobe says about a container from its headers alone (no decoding): format, streams, tags. */
record VideoProbe(String formatName, double durationSeconds, List<Stream> streams, Set<String> formatTagKeys) {

    record Stream(String codecType, String codecName, int width, int height, long frames, double frameRate, Set<String> tagKeys) {
    }

    /** Parses {@code ffprobe -of flat} output. */
    static VideoProbe parse(String flat) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : flat.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
        }
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; kv.containsKey("streams.stream." + i + ".codec_type"); i++) {
            String p = "streams.stream." + i + ".";
            streams.add(new Stream(kv.get(p + "codec_type"), kv.getOrDefault(p + "codec_name", ""),
                    (int) number(kv.get(p + "width")), (int) number(kv.get(p + "height")), (long) number(kv.get(p + "nb_frames")),
                    rate(kv.get(p + "avg_frame_rate")), keysWithPrefix(kv, p + "tags.")));
        }
        return new VideoProbe(kv.getOrDefault("format.format_name", ""), number(kv.get("format.duration")), streams,
                keysWithPrefix(kv, "format.tags."));
    }

    private static Set<String> keysWithPrefix(Map<String, String> kv, String prefix) {
        Set<String> keys = new java.util.TreeSet<>();
        for (String k : kv.keySet()) {
            if (k.startsWith(prefix)) {
                keys.add(k.substring(prefix.length()));
            }
        }
        return keys;
    }

    private static double number(String s) {
        try {
            return s == null || s.isBlank() || s.equals("N/A") ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double rate(String s) {
        if (s == null || !s.contains("/")) {
            return number(s);
        }
        String[] p = s.split("/");
        double den = number(p[1]);
        return den == 0 ? 0 : number(p[0]) / den;
    }

    List<Stream> videoStreams() {
        return streams.stream().filter(s -> "video".equals(s.codecType())).toList();
    }
}

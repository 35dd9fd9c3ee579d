package org.teleris.anonymizer.testdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every identifying value the generator planted, with where it was planted (one entry per location). */
public final class PlantedPhi {

    public record Location(String where, String value) {
    }

    private final List<Location> locations = new ArrayList<>();

    public String plant(String where, String value) {
        locations.add(new Location(where, value));
        return value;
    }

    public List<Location> locations() {
        return List.copyOf(locations);
    }

    /** Distinct values worth searching for (very short values such as a sex code are not identifying on their own). */
    public Map<String, String> searchableValues() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Location l : locations) {
            for (String part : l.value().split("[\\^\\\\]")) {
                if (part.trim().length() >= 4) {
                    out.putIfAbsent(part.trim(), l.where());
                }
            }
        }
        return out;
    }
}

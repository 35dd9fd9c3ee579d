package org.teleris.anonymizer.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Parser of the tab-separated profile file (header comments carry the profile's name and version). */
record ProfileFile(String name, String version, List<ProfileRule> rules) {

    static ProfileFile parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        List<ProfileOption> optionColumns = null;
        List<ProfileRule> rules = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (line.startsWith("# profile-name")) {
                name = cols[1].trim();
            } else if (line.startsWith("# profile-version")) {
                version = cols[1].trim();
            } else if (line.startsWith("#")) {
                continue;
            } else if (optionColumns == null) {
                optionColumns = new ArrayList<>();
                for (int i = 3; i < cols.length; i++) {
                    optionColumns.add(ProfileOption.valueOf(cols[i].trim()));
                }
            } else {
                rules.add(parseRule(cols, optionColumns, lineNo));
            }
        }
        if (name == null || version == null || rules.isEmpty()) {
            throw new IOException("profile file lacks name, version or rules");
        }
        return new ProfileFile(name, version, rules);
    }

    private static ProfileRule parseRule(String[] cols, List<ProfileOption> optionColumns, int lineNo) throws IOException {
        try {
            Map<ProfileOption, ActionCode> byOption = new EnumMap<>(ProfileOption.class);
            for (int i = 0; i < optionColumns.size() && 3 + i < cols.length; i++) {
                if (!cols[3 + i].isBlank()) {
                    byOption.put(optionColumns.get(i), ActionCode.parse(cols[3 + i]));
                }
            }
            String pattern = cols[0].trim();
            if (pattern.length() != 8) {
                throw new IllegalArgumentException("tag must have 8 hex digits");
            }
            return new ProfileRule(pattern, cols[1].trim(), ActionCode.parse(cols[2]), Map.copyOf(byOption));
        } catch (RuntimeException e) {
            throw new IOException("profile line " + lineNo + ": " + e.getMessage(), e);
        }
    }
}

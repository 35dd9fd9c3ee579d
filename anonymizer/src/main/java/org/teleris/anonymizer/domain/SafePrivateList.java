package org.teleris.anonymizer.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Private elements known to carry no identity (in the spirit of PS3.15 Table E.3.10-1), identified by creator,
 * group and the low byte of the element, as private blocks can move between files.
 */
public final class SafePrivateList {

    private final Set<String> entries = new HashSet<>();
    private final Set<String> creatorsByGroup = new HashSet<>();

    static SafePrivateList parse(InputStream in) throws IOException {
        SafePrivateList list = new SafePrivateList();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            int group = Integer.parseInt(cols[1].trim(), 16);
            int low = Integer.parseInt(cols[2].trim(), 16);
            list.add(cols[0], group, low);
        }
        return list;
    }

    private void add(String creator, int group, int low) {
        entries.add(key(creator, group, low));
        creatorsByGroup.add(normalise(creator) + "|" + group);
    }

    public boolean isSafe(String creator, Tag tag) {
        return creator != null && entries.contains(key(creator, tag.group(), tag.element() & 0xFF));
    }

    public boolean hasCreator(String creator, int group) {
        return creatorsByGroup.contains(normalise(creator) + "|" + group);
    }

    public int size() {
        return entries.size();
    }

    private static String key(String creator, int group, int low) {
        return normalise(creator) + "|" + group + "|" + low;
    }

    private static String normalise(String creator) {
        return creator.trim().toUpperCase(Locale.ROOT);
    }
}

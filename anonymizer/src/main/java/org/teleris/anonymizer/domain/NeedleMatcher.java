package org.teleris.anonymizer.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick matcher: finds which of many needles occur in a text in one pass over the text. The verifier looks
 * for dozens of source values in every file; one pass instead of one indexOf per value keeps batches fast.
 */
final class NeedleMatcher {

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Node fail;
        final List<String> outputs = new ArrayList<>(1);
    }

    private final Node root = new Node();

    NeedleMatcher(Collection<String> needles) {
        for (String n : needles) {
            if (n.isEmpty()) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < n.length(); i++) {
                node = node.next.computeIfAbsent(n.charAt(i), c -> new Node());
            }
            node.outputs.add(n);
        }
        ArrayDeque<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (Map.Entry<Character, Node> e : node.next.entrySet()) {
                Node child = e.getValue();
                Node f = node.fail;
                while (f != null && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                child.fail = f == null ? root : f.next.get(e.getKey());
                child.outputs.addAll(child.fail.outputs);
                queue.add(child);
            }
        }
    }

    /** The needles found in {@code text}, each with the index just past its first occurrence. */
    Map<String, Integer> find(String text) {
        Map<String, Integer> found = new HashMap<>();
        Node node = root;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            for (String out : node.outputs) {
                found.putIfAbsent(out, i + 1);
            }
        }
        return found;
    }
}

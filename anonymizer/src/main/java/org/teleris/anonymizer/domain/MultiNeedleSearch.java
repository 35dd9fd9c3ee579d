package org.teleris.anonymizer.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over upper-case needles: one pass over the text finds the first acceptable occurrence of
 * every needle, whatever their number (one {@code indexOf} per needle made the verifier's cost grow with
 * needles x bytes). Same acceptance rule as {@link NeedleSearch}: needles shorter than
 * {@value NeedleSearch#WHOLE_WORD_BELOW} characters count only as whole words. Immutable after construction;
 * one automaton serves any number of texts.
 */
final class MultiNeedleSearch {

    private static final int ROOT = 0;
    private static final int NONE = -1;
    /** Root transitions for chars below 256 (almost every byte of a data set goes through the root). */
    private final int[] rootNext = new int[256];
    /** Root transitions for other chars (e.g. Cyrillic in decoded text), sorted for a binary search. */
    private final char[] rootHighKeys;
    private final int[] rootHighNext;
    // The trie in flat arrays, sized once (at most one node per needle character): children as linked siblings.
    private final char[] label;
    private final int[] firstChild;
    private final int[] nextSibling;
    private final int[] fail;
    /** Index of the needle that ends at this node, or -1. */
    private final int[] needleAt;
    /** Nearest node on the fail chain (excluding this one) where a needle ends, or ROOT when none. */
    private final int[] dictLink;
    private int nodes = 1;
    private final int[] lengths;

    MultiNeedleSearch(List<String> needles) {
        lengths = new int[needles.size()];
        int capacity = 1;
        for (String n : needles) {
            capacity += n.length();
        }
        label = new char[capacity];
        firstChild = new int[capacity];
        nextSibling = new int[capacity];
        fail = new int[capacity];
        needleAt = new int[capacity];
        dictLink = new int[capacity];
        Arrays.fill(firstChild, NONE);
        Arrays.fill(needleAt, NONE);
        for (int k = 0; k < needles.size(); k++) {
            String n = needles.get(k);
            lengths[k] = n.length();
            int state = ROOT;
            for (int i = 0; i < n.length(); i++) {
                int child = child(state, n.charAt(i));
                state = child >= 0 ? child : addChild(state, n.charAt(i));
            }
            if (state != ROOT) {
                needleAt[state] = k; // needles are distinct; an empty needle would match everywhere and is ignored
            }
        }
        Arrays.fill(rootNext, NONE);
        int high = 0;
        for (int c = firstChild[ROOT]; c != NONE; c = nextSibling[c]) {
            if (label[c] < 256) {
                rootNext[label[c]] = c;
            } else {
                high++;
            }
        }
        long[] sorted = new long[high];
        int h = 0;
        for (int c = firstChild[ROOT]; c != NONE; c = nextSibling[c]) {
            if (label[c] >= 256) {
                sorted[h++] = (long) label[c] << 32 | c;
            }
        }
        Arrays.sort(sorted);
        rootHighKeys = new char[high];
        rootHighNext = new int[high];
        for (int i = 0; i < high; i++) {
            rootHighKeys[i] = (char) (sorted[i] >>> 32);
            rootHighNext[i] = (int) sorted[i];
        }
        linkFailures();
    }

    int needleCount() {
        return lengths.length;
    }

    /**
     * Over a byte view of encoded data: each byte is a Latin-1 char with a-z upper-cased (ASCII letters are encoded
     * alike in every ASCII-compatible charset).
     *
     * @return per needle, the index of its first acceptable occurrence in {@code bytes[from, to)} (relative to
     * {@code from}), or -1
     */
    int[] firstOccurrences(byte[] bytes, int from, int to) {
        int[] found = notFound();
        int state = ROOT;
        for (int i = from; i < to; i++) {
            state = step(state, upper(bytes[i]));
            if (needleAt[state] >= 0 || dictLink[state] != ROOT) {
                for (int s = needleAt[state] >= 0 ? state : dictLink[state]; s != ROOT; s = dictLink[s]) {
                    int k = needleAt[s];
                    int start = i - lengths[k] + 1;
                    if (found[k] < 0 && (lengths[k] >= NeedleSearch.WHOLE_WORD_BELOW
                            || (start == from || !isWordChar(upper(bytes[start - 1])))
                            && (i + 1 == to || !isWordChar(upper(bytes[i + 1]))))) {
                        found[k] = start - from;
                    }
                }
            }
        }
        return found;
    }

    /** Over upper-cased text (e.g. the bytes decoded in a declared charset). */
    int[] firstOccurrences(String text) {
        // A char array: String.charAt on a UTF-16 string (Cyrillic text) costs a bounds check call per char in C1 code.
        char[] t = text.toCharArray();
        int[] found = notFound();
        int state = ROOT;
        int to = t.length;
        for (int i = 0; i < to; i++) {
            state = step(state, t[i]);
            if (needleAt[state] >= 0 || dictLink[state] != ROOT) {
                for (int s = needleAt[state] >= 0 ? state : dictLink[state]; s != ROOT; s = dictLink[s]) {
                    int k = needleAt[s];
                    int start = i - lengths[k] + 1;
                    if (found[k] < 0 && (lengths[k] >= NeedleSearch.WHOLE_WORD_BELOW
                            || (start == 0 || !isWordChar(t[start - 1]))
                            && (i + 1 == to || !isWordChar(t[i + 1])))) {
                        found[k] = start;
                    }
                }
            }
        }
        return found;
    }

    private int[] notFound() {
        int[] found = new int[lengths.length];
        Arrays.fill(found, -1);
        return found;
    }

    private static char upper(byte b) {
        return (char) (b >= 'a' && b <= 'z' ? b - 32 : b & 0xFF);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private int step(int state, char c) {
        while (true) {
            int n = next(state, c);
            if (n >= 0) {
                return n;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    /** The goto function: the root's transitions come from a table (Latin-1) or a binary search, the others from a scan. */
    private int next(int state, char c) {
        if (state != ROOT) {
            return child(state, c);
        }
        if (c < 256) {
            return rootNext[c];
        }
        int i = Arrays.binarySearch(rootHighKeys, c);
        return i >= 0 ? rootHighNext[i] : NONE;
    }

    private int child(int state, char c) {
        for (int n = firstChild[state]; n != NONE; n = nextSibling[n]) {
            if (label[n] == c) {
                return n;
            }
        }
        return NONE;
    }

    private int addChild(int state, char c) {
        int node = nodes++;
        label[node] = c;
        nextSibling[node] = firstChild[state];
        firstChild[state] = node;
        return node;
    }

    /** Breadth first: a node's failure is the longest proper suffix of its path that is also a path from the root. */
    private void linkFailures() {
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        for (int child = firstChild[ROOT]; child != NONE; child = nextSibling[child]) {
            fail[child] = ROOT;
            dictLink[child] = ROOT;
            queue[tail++] = child;
        }
        while (head < tail) {
            int node = queue[head++];
            for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
                char c = label[child];
                int f = fail[node];
                int target;
                while (true) {
                    int n = next(f, c);
                    if (n >= 0) {
                        target = n;
                        break;
                    }
                    if (f == ROOT) {
                        target = ROOT;
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target;
                dictLink[child] = needleAt[target] >= 0 ? target : dictLink[target];
                queue[tail++] = child;
            }
        }
    }
}

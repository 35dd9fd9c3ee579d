package org.teleris.anonymizer.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values the verifier looks for, with one automaton built over a superset of them (the candidates they were
 * chosen from), so the automaton that decided which candidates are excused also searches the output: built once
 * per instance instead of twice. Matches of candidates that are not needles are ignored.
 */
final class SearchableNeedles {

    private final Set<String> needles;
    private final MultiNeedleSearch search;
    private final Map<String, Integer> index = new HashMap<>();

    SearchableNeedles(List<String> candidates, MultiNeedleSearch search, Set<String> needles) {
        this.needles = needles;
        this.search = search;
        for (int k = 0; k < candidates.size(); k++) {
            index.put(candidates.get(k), k);
        }
    }

    static SearchableNeedles of(Set<String> needles) {
        List<String> list = List.copyOf(needles);
        return new SearchableNeedles(list, new MultiNeedleSearch(list), needles);
    }

    /** The same candidates and automaton, reporting only {@code subset}. */
    SearchableNeedles withNeedles(Set<String> subset) {
        SearchableNeedles copy = new SearchableNeedles(List.of(), search, subset);
        copy.index.putAll(index);
        return copy;
    }

    Set<String> needles() {
        return needles;
    }

    MultiNeedleSearch search() {
        return search;
    }

    /** The needle's slot in the arrays the automaton returns. */
    int slot(String needle) {
        return index.get(needle);
    }
}

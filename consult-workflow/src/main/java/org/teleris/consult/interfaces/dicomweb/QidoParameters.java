package org.teleris.consult.interfaces.dicomweb;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.teleris.consult.application.dicomweb.StudyQueries;

/**
 * The query of a QIDO-RS search (PS3.18 8.3.4) at one level: matching keys named by keyword or by tag, UID list
 * matching ({@code 1.2.3\4.5.6} or {@code 1.2.3,4.5.6}), paging. A malformed value is a 400 naming the key; a key
 * this server does not match on at that level is ignored and named in a {@code Warning: 299} header, never silently.
 */
final class QidoParameters {

    /** The matching keys each level supports, by keyword and by tag. */
    enum Level {
        STUDY(Map.of("StudyInstanceUID", "0020000D", "PatientID", "00100020", "ModalitiesInStudy", "00080061",
                "StudyDate", "00080020")),
        SERIES(Map.of("SeriesInstanceUID", "0020000E", "Modality", "00080060", "SeriesNumber", "00200011")),
        INSTANCE(Map.of("SOPInstanceUID", "00080018", "SOPClassUID", "00080016", "InstanceNumber", "00200013"));

        private final Map<String, String> keywordByName = new HashMap<>();

        Level(Map<String, String> tagByKeyword) {
            tagByKeyword.forEach((keyword, tag) -> {
                keywordByName.put(keyword, keyword);
                keywordByName.put(tag, keyword);
            });
        }
    }

    static final int MAX_UIDS = 100;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_UID_LENGTH = 64;
    /** Parameters of the request that are not matching keys (PS3.18 8.3.4 and the paging ones). */
    private static final Set<String> CONTROLS = Set.of("limit", "offset", "includefield", "fuzzymatching");
    private static final Set<String> UID_KEYS = Set.of("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
            "SOPClassUID");
    private static final Set<String> INTEGER_KEYS = Set.of("SeriesNumber", "InstanceNumber");

    /** The keys as given (single-valued text), and the UID lists and integers parsed from them. */
    private final Map<String, String> values;
    private final Map<String, Set<String>> uidLists = new HashMap<>();
    private final Map<String, Integer> integers = new HashMap<>();
    /** StudyDate as an inclusive range; either end null when open, both null when not given. */
    private String dateFrom;
    private String dateTo;
    final int offset;
    final int limit;
    private final boolean limitGiven;
    final Set<String> ignored;

    private QidoParameters(Map<String, String> values, int offset, int limit, boolean limitGiven, Set<String> ignored) {
        this.values = values;
        this.offset = offset;
        this.limit = limit;
        this.limitGiven = limitGiven;
        this.ignored = ignored;
        values.forEach((keyword, value) -> {
            if (UID_KEYS.contains(keyword)) {
                uidLists.put(keyword, parseUids(keyword, value));
            } else if (INTEGER_KEYS.contains(keyword)) {
                integers.put(keyword, number(keyword, value, 0));
            } else if (keyword.equals("StudyDate")) {
                parseDateRange(value);
            }
        });
    }

    static QidoParameters of(Level level, MultivaluedMap<String, String> query) {
        Map<String, String> values = new HashMap<>();
        Set<String> ignored = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String keyword = level.keywordByName.get(e.getKey());
            if (keyword == null) { // a tag may come in lower case: 0020000d
                keyword = level.keywordByName.get(e.getKey().toUpperCase(java.util.Locale.ROOT));
            }
            if (keyword == null) {
                if (!CONTROLS.contains(e.getKey())) {
                    ignored.add(e.getKey());
                }
                continue;
            }
            for (String v : e.getValue()) {
                if (v != null && !v.isBlank() && values.put(keyword, v.trim()) != null) {
                    throw new IllegalArgumentException(keyword + " is given more than once");
                }
            }
        }
        String givenLimit = query.getFirst("limit");
        int limit = number("limit", givenLimit, DEFAULT_LIMIT);
        int offset = number("offset", query.getFirst("offset"), 0);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset not negative");
        }
        return new QidoParameters(values, offset, limit, givenLimit != null && !givenLimit.isBlank(), ignored);
    }

    /** The study level's keys as the application's filter. */
    StudyQueries.StudyFilter studyFilter() {
        return new StudyQueries.StudyFilter(uids("StudyInstanceUID"), values.get("PatientID"),
                values.get("ModalitiesInStudy"), dateFrom, dateTo);
    }

    /** A single-valued key (exact match), or null when not given. */
    String value(String keyword) {
        return values.get(keyword);
    }

    /** The UIDs a UID key lists; empty when not given. */
    Set<String> uids(String keyword) {
        return uidLists.getOrDefault(keyword, Set.of());
    }

    /** An integer key, or null when not given. */
    Integer integer(String keyword) {
        return integers.get(keyword);
    }

    /** The value of a {@code Warning} header naming the ignored keys, or null when none was. */
    String warning() {
        return ignored.isEmpty() ? null
                : "299 teleris \"The following query parameters are not supported for matching and were ignored: "
                        + String.join(", ", ignored) + "\"";
    }

    /**
     * One page of an already matched list of series or instances. Unlike studies, these are all answered unless the
     * request names a limit: a viewer lists a series' instances without paging.
     */
    <T> List<T> page(List<T> all) {
        return all.stream().skip(offset).limit(limitGiven ? limit : Long.MAX_VALUE).toList();
    }

    private static int number(String keyword, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(keyword + " must be a whole number, not '"
                    + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
        }
    }

    static boolean isUid(String s) {
        if (s.isEmpty() || s.length() > MAX_UID_LENGTH || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && (c != '.' || s.charAt(i - 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> parseUids(String keyword, String value) {
        Set<String> uids = new LinkedHashSet<>();
        for (String uid : value.split("[\\\\,]", -1)) {
            if (!isUid(uid.trim())) {
                throw new IllegalArgumentException(keyword + " must be one or more DICOM UIDs (digits and dots, "
                        + "at most 64 characters each), separated by \\ or ,");
            }
            uids.add(uid.trim());
        }
        if (uids.size() > MAX_UIDS) {
            throw new IllegalArgumentException(keyword + " may list at most " + MAX_UIDS + " UIDs");
        }
        return uids;
    }

    /** A date, or a range with either end left out; the same date at both ends for a single date. */
    private void parseDateRange(String s) {
        int dash = s.indexOf('-');
        String from = dash < 0 ? s : s.substring(0, dash);
        String to = dash < 0 ? s : s.substring(dash + 1);
        if ((from.isEmpty() && to.isEmpty()) || (!from.isEmpty() && !isDate(from)) || (!to.isEmpty() && !isDate(to))) {
            throw new IllegalArgumentException("StudyDate must be a date YYYYMMDD or a range YYYYMMDD-YYYYMMDD "
                    + "(either end may be left out)");
        }
        dateFrom = from.isEmpty() ? null : from;
        dateTo = to.isEmpty() ? null : to;
    }

    private static boolean isDate(String s) {
        if (s.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int month = Integer.parseInt(s.substring(4, 6));
        int day = Integer.parseInt(s.substring(6));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
}

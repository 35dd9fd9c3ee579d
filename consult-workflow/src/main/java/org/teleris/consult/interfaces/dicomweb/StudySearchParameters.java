package org.teleris.consult.interfaces.dicomweb;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.teleris.consult.application.dicomweb.StudyQueries;

/**
 * The query of a QIDO-RS study search (PS3.18 8.3.4): matching keys named by keyword or by tag, UID list matching
 * ({@code 1.2.3\4.5.6} or {@code 1.2.3,4.5.6}), paging. A malformed value is a 400 naming the key; a key this server
 * does not match on is ignored and named in a {@code Warning: 299} header, never silently.
 */
final class StudySearchParameters {

    static final int MAX_UIDS = 100;
    private static final int MAX_UID_LENGTH = 64;
    private static final Map<String, String> KEYS = Map.of(
            "StudyInstanceUID", "StudyInstanceUID", "0020000D", "StudyInstanceUID",
            "PatientID", "PatientID", "00100020", "PatientID",
            "ModalitiesInStudy", "ModalitiesInStudy", "00080061", "ModalitiesInStudy",
            "StudyDate", "StudyDate", "00080020", "StudyDate");
    /** Parameters of the request that are not matching keys (PS3.18 8.3.4 and the paging ones). */
    private static final Set<String> CONTROLS = Set.of("limit", "offset", "includefield", "fuzzymatching");

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    final StudyQueries.StudyFilter filter;
    final int offset;
    final int limit;
    final Set<String> ignored;

    private StudySearchParameters(StudyQueries.StudyFilter filter, int offset, int limit, Set<String> ignored) {
        this.filter = filter;
        this.offset = offset;
        this.limit = limit;
        this.ignored = ignored;
    }

    static StudySearchParameters of(MultivaluedMap<String, String> query) {
        Map<String, String> values = new java.util.HashMap<>();
        Set<String> ignored = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String key = KEYS.get(e.getKey().length() == 8 ? e.getKey().toUpperCase(java.util.Locale.ROOT) : e.getKey());
            if (key == null) {
                if (!CONTROLS.contains(e.getKey())) {
                    ignored.add(e.getKey());
                }
                continue;
            }
            for (String v : e.getValue()) {
                if (v != null && !v.isBlank() && values.put(key, v.trim()) != null) {
                    throw new IllegalArgumentException(key + " is given more than once");
                }
            }
        }
        String date = values.get("StudyDate");
        if (date != null && !isDateOrRange(date)) {
            throw new IllegalArgumentException("StudyDate must be a date YYYYMMDD or a range YYYYMMDD-YYYYMMDD "
                    + "(either end may be left out)");
        }
        int limit = number(query.getFirst("limit"), DEFAULT_LIMIT);
        int offset = number(query.getFirst("offset"), 0);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset not negative");
        }
        return new StudySearchParameters(new StudyQueries.StudyFilter(uids(values.get("StudyInstanceUID")),
                values.get("PatientID"), values.get("ModalitiesInStudy"), date), offset, limit, ignored);
    }

    private static int number(String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit and offset must be whole numbers, not '"
                    + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
        }
    }

    /** The value of a {@code Warning} header naming the ignored keys, or null when none was. */
    String warning() {
        return ignored.isEmpty() ? null
                : "299 teleris \"The following query parameters are not supported for matching and were ignored: "
                        + String.join(", ", ignored) + "\"";
    }

    private static Set<String> uids(String value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> uids = new LinkedHashSet<>();
        for (String uid : value.split("[\\\\,]", -1)) {
            if (!isUid(uid.trim())) {
                throw new IllegalArgumentException("StudyInstanceUID must be one or more DICOM UIDs (digits and dots, "
                        + "at most 64 characters each), separated by \\ or ,");
            }
            uids.add(uid.trim());
        }
        if (uids.size() > MAX_UIDS) {
            throw new IllegalArgumentException("StudyInstanceUID may list at most " + MAX_UIDS + " UIDs");
        }
        return uids;
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

    private static boolean isDateOrRange(String s) {
        int dash = s.indexOf('-');
        if (dash < 0) {
            return isDate(s);
        }
        String from = s.substring(0, dash);
        String to = s.substring(dash + 1);
        return (!from.isEmpty() || !to.isEmpty()) && (from.isEmpty() || isDate(from)) && (to.isEmpty() || isDate(to));
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

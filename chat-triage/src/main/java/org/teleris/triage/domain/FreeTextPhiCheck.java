package org.teleris.triage.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for what should not be in a clinical question or a chat message: people's names, dates,
 * ID-like numbers, phone numbers and e-mail addresses, in Russian and English. It warns rather
 * than decides: the doctor sees each finding and edits or confirms. The patterns are the one
 * place to tune what is flagged.
 */
public final class FreeTextPhiCheck {

    /** In the order they are looked for: a phone number is reported as a phone, not as an ID number. */
    public enum Kind { PERSON_NAME, DATE, EMAIL, PHONE, ID_NUMBER }

    /** Where in which field something PHI-like was found; never the text itself. */
    public record Finding(String field, Kind kind, int start, int end) {
    }

    private static final String UPPER = "[A-ZА-ЯЁ]";
    private static final String LOWER = "[a-zа-яё]";
    private static final String WORD = UPPER + LOWER + "+(?:-" + UPPER + LOWER + "+)?";
    private static final String PATRONYMIC = UPPER + LOWER + "+(?:ович|евич|ич|овна|евна|ична|инична|ovich|evich|ovna|evna|ichna)";
    private static final String INITIALS = UPPER + "\\.\\s?(?:" + UPPER + "\\.)?";
    private static final String MONTHS = "(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
            + "[а-я]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";

    private static final Map<Kind, List<Pattern>> PATTERNS = Map.of(
            Kind.PERSON_NAME, List.of(
                    // Иванов Иван Иванович / Ivanov Ivan Ivanovich (surname, name, patronymic, in any order)
                    Pattern.compile("\\b" + WORD + "\\s+" + WORD + "\\s+" + PATRONYMIC + "\\b"),
                    Pattern.compile("\\b" + WORD + "\\s+" + PATRONYMIC + "\\s+" + WORD + "\\b"),
                    // Иванов И.И. / И.И. Иванов
                    Pattern.compile("\\b" + WORD + "\\s+" + INITIALS + "(?!\\w)"),
                    Pattern.compile("(?<!\\w)" + INITIALS + "\\s?" + WORD + "\\b"),
                    // "пациент Иванов", "patient: John Smith", "Mrs Smith", "ФИО: ..."
                    Pattern.compile("(?iu)(?:пациент(?:ка)?|больн(?:ой|ая)|фио|patient|name|mr|mrs|ms|miss)[.:]?\\s+"
                            + "(?-i:" + WORD + "(?:\\s+" + WORD + ")?)")),
            Kind.DATE, List.of(
                    Pattern.compile("\\b\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)?\\d{2}\\b"),
                    Pattern.compile("\\b(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}\\b"),
                    Pattern.compile("(?iu)\\b\\d{1,2}\\s+(?:" + MONTHS + ")\\.?\\s+(?:19|20)\\d{2}\\b"),
                    Pattern.compile("(?iu)(?:г\\.\\s?р\\.|д\\.\\s?р\\.|born|dob|date of birth|дата рождения|рожд[её]н[а]?)"
                            + "\\s*:?\\s*(?:в\\s+)?\\d{4}"),
                    Pattern.compile("(?iu)\\b(?:19|20)\\d{2}\\s*(?:г\\.\\s?р\\.|года рождения|year of birth)")),
            Kind.EMAIL, List.of(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")),
            Kind.PHONE, List.of(Pattern.compile("(?<![\\d\\w])(?:\\+7|8|\\+\\d{1,3})[\\s(-]*\\d{3}[\\s)-]*\\d{3}[\\s-]*\\d{2}[\\s-]*\\d{2}(?!\\d)")),
            Kind.ID_NUMBER, List.of(
                    // six or more digits, possibly grouped: record numbers, policies, SNILS, passports
                    Pattern.compile("(?<![\\d.,])\\d(?:[\\s-]?\\d){5,}(?![\\d.,])"),
                    Pattern.compile("(?iu)(?<!\\w)(?:№|no\\.|id|полис|снилс|паспорт|карт[аы])\\s*:?\\s*[\\w-]*\\d[\\w-]*")));

    private FreeTextPhiCheck() {
    }

    /** Findings in one field, ordered by position; overlapping findings of the same text keep the first kind. */
    public static List<Finding> check(String field, String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return findings;
        }
        for (Kind kind : Kind.values()) {
            for (Pattern pattern : PATTERNS.get(kind)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    Finding candidate = new Finding(field, kind, matcher.start(), matcher.end());
                    if (findings.stream().noneMatch(f -> f.start() < candidate.end() && candidate.start() < f.end())) {
                        findings.add(candidate);
                    }
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        return findings;
    }
}

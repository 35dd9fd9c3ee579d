package org.teleris.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.teleris.triage.domain.FreeTextPhiCheck.Finding;
import org.teleris.triage.domain.FreeTextPhiCheck.Kind;

class FreeTextPhiCheckTest {

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
            "Пациент Иванов Иван Иванович, КТ на 6-й день | PERSON_NAME | Иванов Иван Иванович",
            "Петрова Анна Сергеевна жалуется на кашель | PERSON_NAME | Петрова Анна Сергеевна",
            "Направлен Сидоров П.А. с лихорадкой | PERSON_NAME | Сидоров П.А.",
            "Осмотрен: А.В. Кузнецова | PERSON_NAME | А.В. Кузнецова",
            "Patient John Smith, day 6 of fever | PERSON_NAME | Patient John Smith",
            "Mrs Johnson reports dyspnoea | PERSON_NAME | Mrs Johnson",
            "Ivanov Ivan Ivanovich, fever 38.9 | PERSON_NAME | Ivanov Ivan Ivanovich",
            "born 12.03.1961, fever | DATE | 12.03.1961",
            "КТ от 2026-11-20 без динамики | DATE | 2026-11-20",
            "дата рождения 5 марта 1961 | DATE | 5 марта 1961",
            "1961 г.р., лихорадка | DATE | г.р.",
            "Карта № 458712, повторно | ID_NUMBER | № 458712",
            "полис 7712 3456 7890 1234 | ID_NUMBER | 7712 3456",
            "СНИЛС 123-456-789 01 | ID_NUMBER | 123-456-789",
            "MRN 00451278 admitted | ID_NUMBER | 00451278",
            "родственник: +7 (912) 345-67-89 | PHONE | +7 (912) 345-67-89",
            "call 8 912 345 67 89 | PHONE | 8 912 345 67 89",
            "ответ на ivanov.petr@mail.ru | EMAIL | ivanov.petr@mail.ru"})
    void identifiersAreFlaggedWhereTheyAre(String text, Kind kind, String expected) {
        List<Finding> findings = FreeTextPhiCheck.check("question", text);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == kind), kind + " expected in " + findings);
        Finding finding = findings.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
        assertTrue(text.substring(finding.start(), finding.end()).contains(expected),
                "flagged '" + text.substring(finding.start(), finding.end()) + "'");
        assertEquals("question", finding.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Двусторонние участки матового стекла, 6-й день лихорадки 38.9, SpO2 94 %, ЧДД 24",
            "Bilateral ground-glass opacities, peripheral, lower lobes; PaO2/FiO2 280; CRP 45 mg/L",
            "КТ-2? Поражение 30 % справа, 20 % слева. ПЦР отрицательный, контакт с больным COVID-19",
            "Fever for 5 days, cough, anosmia. Is a full CT consultation needed?",
            "Консолидация в S6 справа, гидроторакс слева 150 мл",
            "Dr consult please: crazy paving in both lungs, day 10",
            "Lymphocytes 0.9 x10^9/L, D-dimer 1250 ng/mL, ferritin 890"})
    void ordinaryClinicalTextPassesUnflagged(String text) {
        assertEquals(List.of(), FreeTextPhiCheck.check("question", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyTextHasNoFindings(String text) {
        assertEquals(List.of(), FreeTextPhiCheck.check("question", text));
    }
}

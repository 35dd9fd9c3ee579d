package org.teleris.ai.application;

import java.util.Locale;
import org.teleris.ai.domain.PrescreenResult;

/**
 * Writes the draft description the consultant or expert may start from. Every text opens with the
 * research-only label and says that the decision is the doctor's; numbers are rounded to whole
 * percent because the model is not more precise than that.
 */
public final class DraftTextComposer {
    static final String HEADER_EN = "FOR RESEARCH PURPOSES ONLY. AI draft, not a diagnosis: the final decision is the doctor's.";
    static final String HEADER_RU = "ТОЛЬКО ДЛЯ ИССЛЕДОВАТЕЛЬСКИХ ЦЕЛЕЙ. Черновик ИИ, не диагноз: окончательное решение принимает врач.";

    public DraftText compose(PrescreenResult r) {
        return switch (r.kind()) {
            case NOT_ANALYSABLE -> new DraftText(
                    HEADER_EN + "\nAI prescreen not performed: " + (r.notAnalysableReason() == null ? r.reason()
                            : r.notAnalysableReason().english()) + ".",
                    HEADER_RU + "\nИИ-анализ не выполнен: " + (r.notAnalysableReason() == null ? r.reason()
                            : r.notAnalysableReason().russian()) + ".");
            case TECHNOLOGICAL_DEFECT -> new DraftText(
                    HEADER_EN + "\nAI prescreen unavailable (technical failure of model " + r.modelId() + ").",
                    HEADER_RU + "\nИИ-анализ недоступен (технический сбой модели " + r.modelId() + ").");
            case COMPLETED -> completed(r);
        };
    }

    private DraftText completed(PrescreenResult r) {
        StringBuilder en = new StringBuilder(HEADER_EN).append('\n');
        StringBuilder ru = new StringBuilder(HEADER_RU).append('\n');
        en.append("Model: ").append(r.modelName()).append(", version ").append(r.modelVersion()).append(".\n");
        ru.append("Модель: ").append(r.modelName()).append(", версия ").append(r.modelVersion()).append(".\n");
        if (r.involvement() != null) {
            var i = r.involvement();
            en.append(String.format(Locale.ROOT, "Lung involvement (ground-glass and consolidation): right %s, left %s, total %s",
                    pct(i.right()), pct(i.left()), pct(i.total())));
            ru.append(String.format(Locale.ROOT, "Объём поражения лёгких (матовое стекло и консолидация): справа %s, слева %s, всего %s",
                    pct(i.right()), pct(i.left()), pct(i.total())));
            if (r.ggoFraction() != null && r.consolidationFraction() != null) {
                en.append(String.format(Locale.ROOT, "; ground-glass right %s, left %s; consolidation right %s, left %s",
                        pct(r.ggoFraction()[0]), pct(r.ggoFraction()[1]), pct(r.consolidationFraction()[0]),
                        pct(r.consolidationFraction()[1])));
                ru.append(String.format(Locale.ROOT, "; матовое стекло справа %s, слева %s; консолидация справа %s, слева %s",
                        pct(r.ggoFraction()[0]), pct(r.ggoFraction()[1]), pct(r.consolidationFraction()[0]),
                        pct(r.consolidationFraction()[1])));
            }
            en.append(".\n");
            ru.append(".\n");
            double floor = 0.01;
            if (i.bilateral(floor)) {
                en.append("Distribution: bilateral.\n");
                ru.append("Распределение: двустороннее.\n");
            } else if (i.right() >= floor || i.left() >= floor) {
                en.append("Distribution: unilateral (").append(i.right() >= floor ? "right" : "left").append(").\n");
                ru.append("Распределение: одностороннее (").append(i.right() >= floor ? "справа" : "слева").append(").\n");
            }
        }
        if (r.ctClass() != null) {
            en.append("Estimated class: ").append(r.ctClass().label()).append(" (").append(r.ctClass().english()).append(").\n");
            ru.append("Предполагаемая степень: ").append(r.ctClass().label()).append(" (").append(r.ctClass().russian()).append(").\n");
        }
        en.append("Probability of a viral-pneumonia pattern: ").append(pct(r.probability())).append('.');
        ru.append("Вероятность картины вирусной пневмонии: ").append(pct(r.probability())).append('.');
        if (r.preview()) {
            en.append("\nEstimated from ").append(r.sourceSlices()).append(" preview image(s) only: shares are those of the levels shown, not of the whole lungs.");
            ru.append("\nОценка только по ").append(r.sourceSlices()).append(" изображениям превью: доли относятся к показанным уровням, а не ко всем лёгким.");
        }
        return new DraftText(en.toString(), ru.toString());
    }

    private static String pct(double share) {
        return Math.round(share * 100) + " %";
    }
}

package org.teleris.ai.domain;

/** The chest-CT severity classes of the consultation report template (CLINICAL.md). */
public enum CtClass {
    CT0("CT-0", "no relevant involvement", "нет значимого поражения"),
    CT1("CT-1", "mild", "лёгкая степень"),
    CT2("CT-2", "moderate", "среднетяжёлая степень"),
    CT3("CT-3", "severe", "тяжёлая степень"),
    CT4("CT-4", "critical", "критическая степень");

    private final String label;
    private final String english;
    private final String russian;

    CtClass(String label, String english, String russian) {
        this.label = label;
        this.english = english;
        this.russian = russian;
    }

    public String label() { return label; }
    public String english() { return english; }
    public String russian() { return russian; }

    public static CtClass ofIndex(int index) {
        if (index < 0 || index >= values().length) {
            throw new IllegalArgumentException("CT class index out of range: " + index);
        }
        return values()[index];
    }
}

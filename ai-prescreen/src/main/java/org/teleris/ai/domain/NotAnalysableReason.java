package org.teleris.ai.domain;

/** Why an input was not analysed, in both service languages. */
public enum NotAnalysableReason {
    VIDEO("the preview is a video; send a few DICOM slices or key images instead",
            "превью — видео; пришлите несколько DICOM-срезов или ключевые изображения"),
    UNSUPPORTED_FORMAT("the file is neither DICOM nor a PNG/JPEG image", "файл не является DICOM или изображением PNG/JPEG"),
    NOT_CT("the images are not CT", "изображения не являются КТ"),
    NOT_CHEST("the images do not show the chest (no lung fields found)", "на изображениях нет органов грудной клетки (лёгочные поля не найдены)"),
    TOO_FEW_SLICES("too few slices for a volume analysis", "слишком мало срезов для объёмного анализа"),
    INCONSISTENT_SERIES("the slices do not form one consistent series", "срезы не образуют одну согласованную серию"),
    NOT_GREYSCALE("the image is not a greyscale CT screenshot", "изображение не является чёрно-белым снимком экрана КТ"),
    UNREADABLE("the file could not be read", "файл не удалось прочитать");

    private final String english;
    private final String russian;

    NotAnalysableReason(String english, String russian) {
        this.english = english;
        this.russian = russian;
    }

    public String english() { return english; }
    public String russian() { return russian; }
}

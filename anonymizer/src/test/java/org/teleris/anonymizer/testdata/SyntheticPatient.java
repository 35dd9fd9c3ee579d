package org.teleris.anonymizer.testdata;

/** Who a synthetic study belongs to, and in which character set its text is written. */
public record SyntheticPatient(String name, String id, String birthDate, String specificCharacterSet,
                               String address, String phone, String otherName) {

    public static SyntheticPatient latin() {
        return new SyntheticPatient("Smithson^Johanna^Marie", "MRN8812345", "19610314", null,
                "42 Larkspur Lane, Springfield", "+44 20 7946 0958", "Smithy^Jo");
    }

    public static SyntheticPatient cyrillicIsoIr144() {
        return new SyntheticPatient("Иванов^Пётр^Сергеевич", "ПАЦ-7734521", "19550502", "ISO_IR 144",
                "ул. Садовая, д. 17, кв. 4, Москва", "+7 495 123-45-67", "Иваненко^Петро");
    }

    public static SyntheticPatient cyrillicUtf8() {
        return new SyntheticPatient("Кузнецова^Мария^Алексеевна", "КЗН5523190", "19720911", "ISO_IR 192",
                "проспект Мира, 101, Санкт-Петербург", "+7 812 555-01-99", "Müller^Zoë");
    }

    public static SyntheticPatient latin1() {
        return new SyntheticPatient("Müller^Jürgen", "DE44120987", "19480101", "ISO_IR 100",
                "Königstraße 12, München", "+49 89 1234567", "Mueller^Juergen");
    }
}

package org.teleris.consult.interfaces.dicomweb;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Attribute values in the DICOM JSON model (PS3.18 F.2). */
final class DicomJson {

    private DicomJson() {
    }

    static JsonObject ui(String value) {
        return Json.createObjectBuilder().add("vr", "UI").add("Value", Json.createArrayBuilder().add(value)).build();
    }

    static JsonObject us(int value) {
        return Json.createObjectBuilder().add("vr", "US").add("Value", Json.createArrayBuilder().add(value)).build();
    }

    static JsonObject lo(String value) {
        String clipped = value.length() > 1024 ? value.substring(0, 1024) : value;
        return Json.createObjectBuilder().add("vr", "LO").add("Value", Json.createArrayBuilder().add(clipped)).build();
    }

    static JsonObject is(long value) {
        return Json.createObjectBuilder().add("vr", "IS").add("Value", Json.createArrayBuilder().add(value)).build();
    }

    static JsonObject da(String value) {
        return Json.createObjectBuilder().add("vr", "DA").add("Value", Json.createArrayBuilder().add(value)).build();
    }

    static JsonObject cs(java.util.Collection<String> values) {
        jakarta.json.JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return Json.createObjectBuilder().add("vr", "CS").add("Value", array).build();
    }
}

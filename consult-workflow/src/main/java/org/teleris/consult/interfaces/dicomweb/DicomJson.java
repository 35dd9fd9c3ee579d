package org.teleris.consult.interfaces.dicomweb;

import jakarta.json.JsonObject;

/** Attribute values in the DICOM JSON model (PS3.18 F.2). */
final class DicomJson {

    private DicomJson() {
    }

    static JsonObject ui(String value) {
        return CachedJson.createObjectBuilder().add("vr", "UI").add("Value", CachedJson.createArrayBuilder().add(value)).build();
    }

    static JsonObject us(int value) {
        return CachedJson.createObjectBuilder().add("vr", "US").add("Value", CachedJson.createArrayBuilder().add(value)).build();
    }

    static JsonObject lo(String value) {
        String clipped = value.length() > 1024 ? value.substring(0, 1024) : value;
        return CachedJson.createObjectBuilder().add("vr", "LO").add("Value", CachedJson.createArrayBuilder().add(clipped)).build();
    }

    static JsonObject is(long value) {
        return CachedJson.createObjectBuilder().add("vr", "IS").add("Value", CachedJson.createArrayBuilder().add(value)).build();
    }

    static JsonObject da(String value) {
        return CachedJson.createObjectBuilder().add("vr", "DA").add("Value", CachedJson.createArrayBuilder().add(value)).build();
    }

    static JsonObject cs(java.util.Collection<String> values) {
        jakarta.json.JsonArrayBuilder array = CachedJson.createArrayBuilder();
        values.forEach(array::add);
        return CachedJson.createObjectBuilder().add("vr", "CS").add("Value", array).build();
    }
}

package org.teleris.consult.interfaces.dicomweb;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * {@code jakarta.json.Json}'s builders from a provider looked up once (on first use):
 * {@code Json.createObjectBuilder()} looks the provider up on every call (a ServiceLoader scan),
 * which cost seconds on the responses of a 300-instance series.
 */
final class CachedJson {

    private CachedJson() {
    }

    private static final class Holder {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    static JsonObjectBuilder createObjectBuilder() {
        return Holder.PROVIDER.createObjectBuilder();
    }

    static JsonArrayBuilder createArrayBuilder() {
        return Holder.PROVIDER.createArrayBuilder();
    }
}

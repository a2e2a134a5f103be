package dev.processpool.internal.batch;

import jakarta.batch.api.chunk.ItemWriter;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;

/** Finds the writer a {@code delegate} batch property names: a CDI bean, {@code @Named}, that is an ItemWriter. */
final class Delegates {
    static final String PROPERTY = "delegate";

    private Delegates() {
    }

    /** @throws IllegalArgumentException naming the property, its value and what is allowed */
    static ItemWriter writer(Instance<Object> beans, String name) {
        if (name == null || name.isBlank()) {
            throw BadProperty.of(PROPERTY, name, "it is required; name the @Named bean, an ItemWriter, that writes"
                    + " the results");
        }
        Instance<Object> named = beans.select(NamedLiteral.of(name.strip()));
        if (named.isUnsatisfied()) {
            throw BadProperty.of(PROPERTY, name, "no bean is named so; name a @Named bean that implements"
                    + " jakarta.batch.api.chunk.ItemWriter");
        }
        Object bean;
        try {
            bean = named.get();
        } catch (AmbiguousResolutionException e) {
            throw BadProperty.of(PROPERTY, name, "more than one bean is named so; give the writer a name of its own");
        }
        if (bean instanceof ItemWriter writer) {
            return writer;
        }
        named.destroy(bean);
        throw BadProperty.of(PROPERTY, name, "the bean so named is a " + bean.getClass().getName()
                + ", not a jakarta.batch.api.chunk.ItemWriter; name the writer that writes the results");
    }
}

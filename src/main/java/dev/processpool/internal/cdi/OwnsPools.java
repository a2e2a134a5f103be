package dev.processpool.internal.cdi;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Binds {@link OwnerInterceptor} to a bean that owns pools. The extension adds it to every bean type with a pool
 * injection point; applications never write it.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target(TYPE)
public @interface OwnsPools {
    /** The binding, as the extension adds it. */
    final class Literal extends AnnotationLiteral<OwnsPools> implements OwnsPools {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}

package dev.processpool.sample.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The second application the sample's Maven modules built ({@code ear-sample/second}): a plain WAR at
 * {@code /second} with its own copy of the library and its own pools.
 */
final class SecondWar {
    static final String NAME = "second.war";
    /** Its long-lived pool, made at the first call of {@code /second/api/upper}. */
    static final String LETTERS_POOL = "second-letters";
    /** The pool made at the first call of {@code /second/api/fragile}. */
    static final String FRAGILE_POOL = "second-fragile";

    private SecondWar() {
    }

    static WebArchive archive() {
        File file = new File(System.getProperty("second.war", "target/deployments/" + NAME));
        return ShrinkWrap.createFromZipFile(WebArchive.class, file);
    }

    static SampleApi api() {
        return new SampleApi("second");
    }
}

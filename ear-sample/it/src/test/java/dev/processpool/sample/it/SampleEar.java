package dev.processpool.sample.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the sample's Maven modules built, as Arquillian deploys it. */
final class SampleEar {
    static final String NAME = "ear-sample.ear";

    private SampleEar() {
    }

    static File file() {
        return new File(System.getProperty("sample.ear", "target/deployments/" + NAME));
    }

    static EnterpriseArchive archive() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file());
    }
}

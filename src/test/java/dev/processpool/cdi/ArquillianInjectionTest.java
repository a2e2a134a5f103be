package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.Pool;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Arquillian tier: the owners are deployed as an archive with its own {@code beans.xml} (bean discovery on) to
 * the embedded Weld container; the library stays outside the archive, without a {@code beans.xml}, as in an EAR's
 * {@code lib/}, and its extension is found through {@code META-INF/services}.
 */
@ExtendWith(ArquillianExtension.class)
public class ArquillianInjectionTest {

    @Deployment
    public static JavaArchive owners() {
        return ShrinkWrap.create(JavaArchive.class, "owners.jar")
                .addClasses(Squares.class, Calculator.class, Thief.class, SquareHelper.class, Tasks.class,
                        ConfiguredOwner.class, MarksWorker.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    @Inject
    Squares squares;
    @Inject
    Thief thief;
    @Inject
    ConfiguredOwner configured;

    @Test
    void injectedPoolServesItsOwner() {
        assertEquals(169, squares.square(13));
    }

    @Test
    void annotationMembersReachThePool() {
        assertEquals("spawn", configured.startMethod());
        assertEquals(2, configured.processes());
        assertEquals("yes", configured.workerProperty(MarksWorker.PROPERTY));
        assertEquals("configured", configured.workerProperty("processpool.cdi.marker"));
    }

    @Test
    void leakedReferenceUsedFromTheTestIsRefused() {
        Pool leaked = squares.leak();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> leaked.apply(Tasks::square, 2));
        assertTrue(refused.getMessage().contains("@ProcessPool Squares.pool"), refused.getMessage());
    }

    @Test
    void leakedReferenceUsedFromAnotherBeanIsRefused() {
        assertThrows(IllegalStateException.class, () -> thief.square(squares.leak(), 2));
    }

    @Test
    void helperObjectTheOwnerCallsMayUseThePool() {
        assertEquals(9, squares.squareThroughHelper(3));
    }

    @Test
    void lifeCycleMethodsAreRefused() {
        assertThrows(IllegalStateException.class, squares::closePool);
        assertThrows(IllegalStateException.class, squares::terminatePool);
        assertThrows(IllegalStateException.class, squares::joinPool);
        assertEquals(1, squares.square(1));
    }
}

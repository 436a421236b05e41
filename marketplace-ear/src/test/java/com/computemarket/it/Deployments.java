package com.computemarket.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR exactly as the build made it (never a hand-listed archive), optionally with in-container test classes. */
public final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive marketplace() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("cm.ear")));
    }

    public static EnterpriseArchive marketplaceWith(Class<?>... testClasses) {
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "integration-tests.jar").addClasses(testClasses);
        EnterpriseArchive ear = marketplace().addAsLibrary(tests);
        // the EAR holds two WARs (API and portal): Arquillian's servlet protocol runs in-container tests in the API's
        Testable.archiveToTest(ear.getAsType(WebArchive.class, "marketplace-web.war"));
        return ear;
    }
}

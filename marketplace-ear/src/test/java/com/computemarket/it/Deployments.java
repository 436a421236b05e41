package com.computemarket.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The EAR exactly as the build made it (never a hand-listed archive), optionally with in-container test classes. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive marketplace() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("cm.ear")));
    }

    static EnterpriseArchive marketplaceWith(Class<?>... testClasses) {
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "integration-tests.jar").addClasses(testClasses);
        return marketplace().addAsLibrary(tests);
    }
}

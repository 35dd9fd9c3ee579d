package org.teleris.it;

import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The product exactly as it ships: the WAR that ris-app built. Deployed once for the whole run
 * (arquillian-suite-extension, configured in arquillian.xml): a Payara Micro start costs about a
 * minute on two cores, and the test classes share the server, its data directory and its database
 * anyway, so each class must not assume a fresh server.
 */
@ArquillianSuiteDeployment
public final class RisDeployment {

    static final String DATA_DIR = System.getProperty("ris.it.data-dir");

    private RisDeployment() {
    }

    @Deployment(testable = false)
    public static WebArchive suite() {
        return war();
    }

    static WebArchive war() {
        File war = new File(System.getProperty("ris.war", "../ris-app/target/ris.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: build ris-app first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}

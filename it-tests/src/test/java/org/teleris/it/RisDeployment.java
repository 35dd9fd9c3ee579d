package org.teleris.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The product exactly as it ships: the WAR that ris-app built. */
final class RisDeployment {

    static final String DATA_DIR = System.getProperty("ris.it.data-dir");

    private RisDeployment() {
    }

    static WebArchive war() {
        File war = new File(System.getProperty("ris.war", "../ris-app/target/ris.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: build ris-app first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}

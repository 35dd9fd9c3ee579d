package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DICOM network interface of the deployed product, driven by dcmtk (echoscu, storescu). */
@ExtendWith(ArquillianExtension.class)
class DicomNetworkTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void echoSucceedsForAnOrganisationsAeTitleAndIsRefusedAtAssociationForAnUnknownOne() {
        Dcmtk.Run known = Dcmtk.echo(Dcmtk.dicomPort(), "NORTH_CT");
        assertEquals(0, known.exit(), known.output());
        Dcmtk.assertContains(known.output(), "Received Echo Response (Success)");

        Dcmtk.Run unknown = Dcmtk.echo(Dcmtk.dicomPort(), "NOT_REGISTERED");
        assertNotEquals(0, unknown.exit(), unknown.output());
        Dcmtk.assertContains(unknown.output(), "Association Rejected");
        Dcmtk.assertContains(unknown.output(), "Calling AE Title Not Recognized");
    }
}

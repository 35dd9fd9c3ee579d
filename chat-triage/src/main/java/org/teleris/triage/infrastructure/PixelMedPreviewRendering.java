package org.teleris.triage.infrastructure;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.display.ConsumerFormatImageMaker;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.teleris.triage.application.PreviewRendering;

/** Renders the first frame of a DICOM preview with PixelMed, using the window stored in the object. */
@ApplicationScoped
public class PixelMedPreviewRendering implements PreviewRendering {

    @Override
    public byte[] png(byte[] dicom) {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(dicom))) {
            AttributeList list = new AttributeList();
            list.read(in);
            BufferedImage image = ConsumerFormatImageMaker.makeEightBitImage(list);
            if (image == null) {
                throw new IllegalArgumentException("the DICOM preview holds no image");
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException | DicomException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("the DICOM preview cannot be rendered: " + e.getClass().getSimpleName());
        }
    }
}

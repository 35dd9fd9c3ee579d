package org.teleris.anonymizer.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** UIDs, pseudonyms and date shifts depend on it: it must equal the JCE's HmacSHA256 bit for bit. */
class HmacSha256Test {

    @Test
    void rfc4231TestCase2() {
        byte[] mac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII))
                .mac("what do ya want ".getBytes(StandardCharsets.US_ASCII), "for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), mac);
    }

    @Test
    void equalsTheJceMacForShortAndLongKeys() throws Exception {
        Random random = new Random(1);
        for (int keyLength : new int[] {16, 32, 63, 64, 65, 131}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha256 ours = new HmacSha256(key);
            Mac jce = Mac.getInstance("HmacSHA256");
            jce.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int n = 0; n < 20; n++) {
                byte[] a = new byte[random.nextInt(200)];
                byte[] b = new byte[random.nextInt(70)];
                random.nextBytes(a);
                random.nextBytes(b);
                jce.update(a);
                assertArrayEquals(jce.doFinal(b), ours.mac(a, b), "key of " + keyLength + " bytes");
            }
        }
    }

    @Test
    void organisationSecretKeepsItsMapping() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Mac jce = Mac.getInstance("HmacSHA256");
        jce.init(new SecretKeySpec(key, "HmacSHA256"));
        jce.update("uid".getBytes(StandardCharsets.UTF_8));
        jce.update((byte) 0);
        byte[] expected = jce.doFinal("1.2.3.4".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, new OrganisationSecret(key).hmac("uid", "1.2.3.4"));
    }
}

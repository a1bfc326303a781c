package io.noveltylens.test.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The security.json of the secured test cluster, as a Solr administrator writes it (docs/scale.md shows it): Solr's
 * BasicAuth plugin with two users, and rule-based authorisation where "filler" may do everything (create collections,
 * upload the configset, fill, move the alias) and "reader" may only query and read the cluster's state. Requests
 * without credentials are refused (blockUnknown).
 */
public final class SolrSecurityJson {

    /** The user allowed everything. */
    public static final String FILLER = "filler";
    /** The user allowed to query only. */
    public static final String READER = "reader";

    private SolrSecurityJson() {
    }

    /** The file's text for these two passwords. */
    public static String fillerAndReader(String fillerPassword, String readerPassword) {
        return """
                {
                  "authentication": {
                    "class": "solr.BasicAuthPlugin",
                    "blockUnknown": true,
                    "credentials": { "%s": "%s", "%s": "%s" }
                  },
                  "authorization": {
                    "class": "solr.RuleBasedAuthorizationPlugin",
                    "permissions": [
                      { "name": "read", "role": ["reader", "filler"] },
                      { "name": "collection-admin-read", "role": ["reader", "filler"] },
                      { "name": "all", "role": "filler" }
                    ],
                    "user-role": { "%s": "filler", "%s": "reader" }
                  }
                }
                """.formatted(FILLER, hashed(fillerPassword), READER, hashed(readerPassword), FILLER, READER);
    }

    /**
     * A password as Solr's Sha256AuthenticationProvider stores it: "HASH SALT", both in Base64, where HASH is
     * SHA-256(SHA-256(salt bytes, then the password's UTF-8 bytes)). Solr's reference guide ("Basic Authentication
     * Plugin") gives the worked example: password "SolrRocks" with salt "Ndd7LKvVBAaZIF0QAVi1ekCfAJXr1GGfLtRUXhgrF8c="
     * hashes to "IV0EHq1OnNrj6gvRCwvFwTrZ1+z1oBbnQdiVC3otuq0=".
     */
    public static String hashed(String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return hash(password, salt) + " " + Base64.getEncoder().encodeToString(salt);
    }

    static String hash(String password, byte[] salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            byte[] once = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
            sha256.reset();
            return Base64.getEncoder().encodeToString(sha256.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package io.noveltylens.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.solr.SolrSecurity;

/**
 * Where the command line takes a secured cluster's secrets from: the environment, or a file that only its owner can
 * read. Never from an option, and never echoed: messages name the variable or the file, not what they hold.
 */
final class SolrSecrets {

    static final String PASSWORD_VARIABLE = "NOVELTY_SOLR_PASSWORD";
    static final String TRUST_STORE_PASSWORD_VARIABLE = "NOVELTY_SOLR_TRUST_STORE_PASSWORD";

    /** Permissions that let someone other than the owner read or change the file. */
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SolrSecrets() {
    }

    /**
     * The security settings of {@code --solr-user}, {@code --solr-password-file} and {@code --solr-trust-store} with
     * the passwords from {@code environment} or the file.
     */
    static SolrSecurity security(Map<String, String> environment, String user, Path passwordFile, Path trustStore)
            throws NoveltyException {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        String password = null;
        if (user != null) {
            if (passwordFile != null && fromEnvironment != null) {
                throw new NoveltyException(Kind.BAD_INPUT, PASSWORD_VARIABLE + " is set and --solr-password-file "
                        + "is given: keep one of them, so that it is clear which password is sent.");
            }
            password = passwordFile != null ? read(passwordFile) : fromEnvironment;
            if (password == null || password.isEmpty()) {
                throw new NoveltyException(Kind.BAD_INPUT, "--solr-user " + user + " needs its password: set the "
                        + "environment variable " + PASSWORD_VARIABLE + " or give --solr-password-file FILE (a file "
                        + "only you can read). Passwords are never taken as options.");
            }
        } else if (passwordFile != null) {
            throw new NoveltyException(Kind.BAD_INPUT, "--solr-password-file needs --solr-user NAME: whose password "
                    + "is it?");
        }
        return new SolrSecurity(user, password, trustStore, environment.get(TRUST_STORE_PASSWORD_VARIABLE));
    }

    /**
     * The first line of an owner-only file. A file that others may read is refused before it is read: its password is
     * already exposed, and sending it would hide that.
     */
    static String read(Path file) throws NoveltyException {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(SHARED::contains)) {
                    throw new NoveltyException(Kind.BAD_INPUT, "The password file " + file + " can be read or "
                            + "changed by other users (permissions " + PosixFilePermissions.toString(permissions)
                            + "). Make it readable by you only: chmod 600 " + file + ". Consider the password "
                            + "exposed and change it if others could read the file.");
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new NoveltyException(Kind.BAD_INPUT, "The password file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Give a file with the password on its first line.", null);
        }
    }
}

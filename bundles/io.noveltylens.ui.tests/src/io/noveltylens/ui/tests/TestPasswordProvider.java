package io.noveltylens.ui.tests;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;

/**
 * Secure Storage's master password in the test workbench (fragment.xml): fixed, so that storing a SolrCloud password
 * needs no dialog. A real IDE gets one from org.eclipse.equinox.security.ui or the operating system's key ring.
 */
public final class TestPasswordProvider extends PasswordProvider {

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        return new PBEKeySpec("novelty-lens-test-workbench".toCharArray());
    }
}

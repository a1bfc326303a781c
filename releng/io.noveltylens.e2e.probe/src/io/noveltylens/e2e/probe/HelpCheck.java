package io.noveltylens.e2e.probe;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IToc;
import org.eclipse.help.ITopic;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.help.IWorkbenchHelpSystem;

/**
 * The user guide opens from Help > Help Contents in the installed IDE: the IDE has a help UI, its contents hold the
 * Novelty Lens book, and the help server serves the book's first topic under the title toc.xml gives it. The
 * workbench tests check every page and image (HelpContentsTest); this checks the installed product's help system.
 */
final class HelpCheck {

    private static final String TOC = "/io.noveltylens.ui/help/toc.xml";

    private HelpCheck() {
    }

    static void run(ProbeReport report) {
        IWorkbenchHelpSystem help = PlatformUI.getWorkbench().getHelpSystem();
        report.check(help.hasHelpUI(), "the IDE has a help UI (Help > Help Contents)");
        IToc book = Arrays.stream(HelpSystem.getTocs()).filter(toc -> TOC.equals(toc.getHref())).findFirst()
                .orElse(null);
        report.check(book != null && book.getTopics().length > 0, "the help contents hold the Novelty Lens user guide");
        if (book == null || book.getTopics().length == 0) {
            return;
        }
        ITopic first = book.getTopics()[0];
        URL page = help.resolve(first.getHref(), true);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(page.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
            report.check(response.statusCode() == 200 && response.body().contains("<title>" + first.getLabel()),
                    "the help server serves " + page + " titled '" + first.getLabel() + "': HTTP "
                            + response.statusCode());
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            // IllegalArgumentException: no port in the address, when the help server did not start
            report.check(false, "the help server serves " + page + ": " + e);
        }
    }
}

package io.noveltylens.core.osgi;

import java.util.Map;

import org.eclipse.osgi.service.debug.DebugOptions;
import org.eclipse.osgi.service.debug.DebugOptionsListener;
import org.eclipse.osgi.service.debug.DebugTrace;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.noveltylens.core.CoreTrace;

/**
 * Core's activator, run only under OSGi (the command line never loads it): switches the {@link CoreTrace}
 * locations as the debug options say, now and whenever they change, with the master switch {@code /debug}.
 */
public final class CoreActivator implements BundleActivator {

    private ServiceRegistration<DebugOptionsListener> registration;

    @Override
    public void start(BundleContext context) {
        String bundle = context.getBundle().getSymbolicName();
        DebugOptionsListener listener = options -> {
            DebugTrace trace = options.newDebugTrace(bundle);
            boolean debug = options.getBooleanOption(bundle + "/debug", false);
            for (CoreTrace location : CoreTrace.values()) {
                CoreTrace.configure(location, debug && options.getBooleanOption(bundle + location.option(), false),
                        trace::trace);
            }
        };
        registration = context.registerService(DebugOptionsListener.class, listener,
                FrameworkUtil.asDictionary(Map.of(DebugOptions.LISTENER_SYMBOLICNAME, bundle)));
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        for (CoreTrace location : CoreTrace.values()) {
            CoreTrace.configure(location, false, null);
        }
    }
}

package io.noveltylens.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and operands of one command line. Options are {@code --name value}, repeated for lists, or
 * {@code --name} for flags; {@code --} ends the options; a lone {@code -} is an operand (standard input).
 */
final class Arguments {

    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    /**
     * @param valued options that take a value
     * @param flags  options that take none
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) { //$NON-NLS-1$
                parsed.operands.add(arg);
            } else if (arg.equals("--")) { //$NON-NLS-1$
                optionsEnded = true;
            } else {
                String name = arg.substring(2);
                if (flags.contains(name)) {
                    parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add("true"); //$NON-NLS-1$
                } else if (valued.contains(name)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value"); //$NON-NLS-1$ //$NON-NLS-2$
                    }
                    parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
                } else {
                    throw new UsageException("unknown option " + arg); //$NON-NLS-1$
                }
            }
        }
        return parsed;
    }

    String value(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int intValue(String name, int fallback, int min, int max) throws UsageException {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + value + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
    }

    List<String> operands() {
        return operands;
    }
}

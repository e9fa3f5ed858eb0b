package dev.slimlab.analysis;

import dev.slimlab.engine.api.InstalledPackage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package a variant dropped, added, or has at another version than the original: the one
 * package diff the app and the reports show.
 */
public record PackageChange(Kind kind, String manager, String name, String originalVersion, String variantVersion,
                            long bytes) {

    public enum Kind {
        DROPPED("dropped"), ADDED("added"), VERSION_CHANGED("other version");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Comparator<PackageChange> ORDER = Comparator.comparing(PackageChange::kind)
            .thenComparing(Comparator.comparingLong(PackageChange::bytes).reversed())
            .thenComparing(PackageChange::name).thenComparing(PackageChange::manager);

    /**
     * The packages of {@code variant} against those of {@code original}, by manager and name:
     * dropped (in the original only), added (in the variant only), then those at another version;
     * the biggest first in each.
     */
    public static List<PackageChange> between(List<InstalledPackage> original, List<InstalledPackage> variant) {
        Map<String, InstalledPackage> before = byKey(original);
        Map<String, InstalledPackage> after = byKey(variant);
        List<PackageChange> changes = new ArrayList<>();
        before.forEach((key, p) -> {
            InstalledPackage now = after.get(key);
            if (now == null) {
                changes.add(new PackageChange(Kind.DROPPED, p.manager(), p.name(), p.version(), "", p.installedBytes()));
            } else if (!now.version().equals(p.version())) {
                changes.add(new PackageChange(Kind.VERSION_CHANGED, p.manager(), p.name(), p.version(), now.version(),
                        now.installedBytes()));
            }
        });
        after.forEach((key, p) -> {
            if (!before.containsKey(key)) {
                changes.add(new PackageChange(Kind.ADDED, p.manager(), p.name(), "", p.version(), p.installedBytes()));
            }
        });
        changes.sort(ORDER);
        return changes;
    }

    /** The package as installed where it is: in the original when dropped, in the variant otherwise. */
    public InstalledPackage installed() {
        return new InstalledPackage(manager, name, kind == Kind.DROPPED ? originalVersion : variantVersion, bytes);
    }

    private static Map<String, InstalledPackage> byKey(List<InstalledPackage> packages) {
        Map<String, InstalledPackage> map = new LinkedHashMap<>();
        for (InstalledPackage p : packages) {
            map.putIfAbsent(p.manager() + "\u0000" + p.name(), p);
        }
        return map;
    }
}

package dev.slimlab.optimize;

import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What SlimLab knows about system packages and the programs that install them (apt, apk, yum and
 * the like), for the optimizations that read package commands: which programs they are, which
 * options take a value, how an operand names a package, and which packages only build things.
 */
final class SystemPackages {

    private SystemPackages() {
    }

    /** The programs that install system packages. */
    static final Set<String> MANAGERS = Set.of("apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf",
            "zypper");
    /** Debian's package managers. */
    static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
    /** apt commands that install nothing: they refresh the index or tidy up after the installs around them. */
    static final Set<String> APT_HOUSEKEEPING = Set.of("update", "clean", "autoclean", "autoremove", "autopurge");
    /** apt options that take the next word as their value ({@code -t bookworm-backports}). */
    static final Set<String> APT_OPTIONS_WITH_VALUE = Set.of("-o", "--option", "-c", "--config-file", "-t",
            "--target-release", "--default-release", "-a", "--host-architecture");
    /** apk options that take the next word as their value ({@code --virtual .build-deps}). */
    static final Set<String> APK_OPTIONS_WITH_VALUE = Set.of("--virtual", "-t", "--repository", "-X", "--root",
            "-p", "--arch", "--keys-dir", "--repositories-file", "--cache-dir", "--cache-max-age");

    /** The C toolchain on Debian (with the GNU compilers and {@code -dev} headers): what compiling an extension needs. */
    private static final Set<String> APT_C_TOOLCHAIN = Set.of("build-essential", "make", "cmake", "pkg-config",
            "pkgconf", "autoconf", "automake", "libtool");
    /** Debian's other build tools: build systems, parser and binding generators, Rust, packaging tools. */
    private static final Set<String> APT_OTHER_BUILD_TOOLS = Set.of("libtool-bin", "ninja-build", "meson", "bison",
            "flex", "swig", "cargo", "rustc", "dpkg-dev", "cython3");
    private static final Set<String> APT_BUILD_TOOLS = union(APT_C_TOOLCHAIN, APT_OTHER_BUILD_TOOLS);
    private static final Set<String> APK_BUILD_TOOLS = Set.of("build-base", "make", "cmake", "pkgconf", "pkgconfig",
            "autoconf", "automake", "libtool", "samurai", "ninja", "meson", "bison", "flex", "swig", "cargo", "rust",
            "musl-dev", "linux-headers");
    private static final String GNU_COMPILERS = "gcc|g\\+\\+|cpp|gfortran";
    /** A GNU compiler package, bare or with Debian's major version: {@code gcc}, {@code g++-12}. */
    private static final Pattern GNU_COMPILER = Pattern.compile("(" + GNU_COMPILERS + ")(-[0-9]+)?");
    /** Any compiler package, bare or versioned: {@code clang-15}, {@code gcc-4.9}. */
    private static final Pattern COMPILER = Pattern.compile("(" + GNU_COMPILERS + "|clang|llvm)(-\\d+(\\.\\d+)*)?");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** True if the command runs a system package manager. */
    static boolean isManager(ShellCommand c) {
        return MANAGERS.contains(c.programName().orElse(""));
    }

    static boolean isApt(ShellCommand c) {
        return APT.contains(c.programName().orElse(""));
    }

    /** The package words of {@code apt-get install|purge|remove}; empty for other commands. */
    static List<ShellWord> aptPackages(ShellCommand c) {
        Optional<String> sub = c.subcommand().map(ShellWord::value);
        if (!isApt(c) || sub.isEmpty() || !Set.of("install", "purge", "remove").contains(sub.get())) {
            return List.of();
        }
        return PackageScripts.operands(c, APT_OPTIONS_WITH_VALUE);
    }

    /** A Debian package without the version or release it is pinned to: {@code gcc=4:12.2.0-3} is {@code gcc}. */
    static String aptName(String operand) {
        String name = operand;
        int cut = name.indexOf('=');
        name = cut < 0 ? name : name.substring(0, cut);
        cut = name.indexOf('/');
        return cut < 0 ? name : name.substring(0, cut);
    }

    /** An Alpine package without its version constraint: {@code gcc~12} is {@code gcc}. */
    static String apkName(String operand) {
        int cut = 0;
        while (cut < operand.length() && "=<>~".indexOf(operand.charAt(cut)) < 0) {
            cut++;
        }
        return operand.substring(0, cut);
    }

    /** A compiler, a build tool or a {@code -dev} package (Debian's or Alpine's): needed to build, not to run. */
    static boolean isBuildPackage(String name, boolean alpine) {
        return (alpine ? APK_BUILD_TOOLS : APT_BUILD_TOOLS).contains(name) || COMPILER.matcher(name).matches()
                || name.endsWith("-dev") || name.startsWith("linux-headers");
    }

    /**
     * A Debian package of the C toolchain: a GNU compiler, make and the like, or a {@code -dev}
     * package. The narrower kind: multi-stage leaves only these out of a runtime stage whose
     * needs it cannot check, while remove-build-deps purges any build package after the build
     * step that used it.
     */
    static boolean isCToolchain(String name) {
        return APT_C_TOOLCHAIN.contains(name) || GNU_COMPILER.matcher(name).matches() || name.endsWith("-dev");
    }
}

package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;
import static dev.slimlab.analysis.Formats.percent;
import static dev.slimlab.analysis.Formats.signedPercent;
import static dev.slimlab.analysis.Formats.size;

import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.analysis.PackageChange;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.analysis.StepTimeline;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.UnifiedDiff;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each variant in detail, folded: its verdict and risk, the optimizations applied, its figures,
 * why it did not build, its Dockerfile against the original, where the build time went, layers,
 * wasted files, packages, staging tests and parity findings.
 */
final class VariantDetails extends ReportSection {

    /** Packages listed per direction (dropped, added) before the rest are summed up in one line. */
    static final int MAX_PACKAGES = 100;

    VariantDetails(ReportSection page) {
        super(page);
    }

    void details() {
        out.open("section", "id", "variants").nl().element("h2", "Variants").nl();
        for (int i = 0; i < analysis.variants().size(); i++) {
            Assessment a = analysis.variants().get(i);
            VariantResult v = results.get(a.name());
            boolean recommended = isRecommended(a);
            out.open("details", "class", recommended ? "variant recommended" : "variant", "id", anchors.get(i),
                            "open", recommended ? "open" : null).nl()
                    .open("summary").element("span", a.name(), "class", "name");
            verdictBadge(a);
            riskBadge(a.risk(), true);
            out.open("span", "class", "summary-figures");
            if (a.built()) {
                out.text(size(a.sizeBytes()));
                if (baseline.isPresent() && !baseline.get().name().equals(a.name())) {
                    out.text(" (" + signedPercent(-a.sizeSavedPercent()) + ")");
                }
            } else {
                out.text("not built");
            }
            if (recommended) {
                out.text(" \u00b7 \u2605 recommended");
            }
            out.close().close().nl().open("div", "class", "variant-body").nl();
            variantBody(a, v);
            out.close().nl().close().nl();
        }
        out.close().nl();
    }

    private void variantBody(Assessment a, VariantResult v) {
        out.open("p").element("b", "Verdict: " + a.verdict().label()).text(" \u2014 ").text(a.reason()).close().nl();
        out.element("h4", "Optimizations applied").nl();
        if (a.optimizations().isEmpty()) {
            out.element("p", "None: this is the original.", "class", "muted").nl();
        } else {
            out.open("ul", "class", "plain").nl();
            for (String id : catalog.canonicalOrder(a.optimizations())) {
                out.open("li");
                optimizationName(id);
                Optional<Optimization> o = catalog.byId(id);
                if (o.isPresent()) {
                    out.text(" ").text(o.get().title()).text(" ");
                    riskBadge(RiskLevel.of(o.get().risk()), true);
                } else {
                    out.text(" ").element("span", "(not an optimization this SlimLab knows)", "class", "muted");
                }
                out.close().nl();
            }
            out.close().nl();
        }
        if (!a.riskReasons().isEmpty()) {
            out.element("h4", "Why the risk is " + a.risk().label()).nl().open("ul", "class", "plain").nl();
            for (String reason : a.riskReasons()) {
                out.element("li", reason).nl();
            }
            out.close().nl();
        }
        if (a.built()) {
            figures(a, v);
        }
        if (v == null) {
            out.element("p", "No build result was recorded for this variant.", "class", "muted").nl();
            return;
        }
        if (!v.built()) {
            failure(v);
        }
        dockerfile(v);
        if (v.built()) {
            timeline(v);
            layers(v);
            waste(v);
            packages(v);
        }
        staging(v);
    }

    private void figures(Assessment a, VariantResult v) {
        out.open("dl", "class", "figures").nl();
        figure("Image size", size(a.sizeBytes()));
        figure("Pull size", size(a.pullBytes()) + (v == null ? ""
                : ", about " + duration(v.estimatedPullSeconds()) + " to pull"));
        if (baseline.isPresent() && !baseline.get().name().equals(a.name())) {
            figure("Saved vs " + baseline.get().name(), size(a.sizeSavedBytes()) + " ("
                    + percent(a.sizeSavedPercent()) + "); pull " + size(a.pullSavedBytes()) + ", "
                    + duration(a.pullSecondsSaved()) + " per pull");
        }
        BuildTime t = a.buildTime();
        if (t.repetitions() > 0) {
            figure("Build time", duration(t.median()) + ", the median of " + t.repetitions()
                    + (t.repetitions() == 1 ? " build" : " builds (" + range(t) + ")"));
        }
        figure("Layers", String.valueOf(a.layers()));
        figure("Efficiency", percent(100 * a.efficiency()) + ", " + size(a.wastedBytes())
                + " in files repeated across layers");
        out.close().nl();
    }

    private void figure(String term, String value) {
        out.element("dt", term).element("dd", value).nl();
    }

    private void failure(VariantResult v) {
        out.element("h4", "Why it did not build").nl()
                .element("p", "Status: " + v.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).nl();
        pre("error", v.error().orElse("no reason recorded"));
        if (!v.logTail().isEmpty()) {
            out.element("h5", "End of the build log").nl();
            pre("log", String.join("\n", v.logTail()));
        }
        if (v.logFile() != null && !v.logFile().isEmpty()) {
            out.open("p", "class", "note").text("The whole log: ").element("code", v.logFile()).close().nl();
        }
    }

    private void dockerfile(VariantResult v) {
        String reference = experiment.dockerfile() != null ? experiment.dockerfile()
                : original.map(VariantResult::dockerfile).orElse("");
        if (v.optimizations().isEmpty()) {
            out.element("h4", "Dockerfile").nl();
            pre("dockerfile", v.dockerfile());
            return;
        }
        out.element("h4", "Dockerfile changes against the original").nl();
        String diff = UnifiedDiff.diff("original/Dockerfile", v.name() + "/Dockerfile", reference,
                v.dockerfile() == null ? "" : v.dockerfile());
        if (diff.isEmpty()) {
            out.element("p", "Identical to the original.", "class", "muted").nl();
            return;
        }
        out.open("pre", "class", "diff").open("code");
        List<String> lines = diff.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String kind = i < 2 ? "d-file"
                    : line.startsWith("@@") ? "d-hunk"
                    : line.startsWith("+") ? "d-add"
                    : line.startsWith("-") ? "d-del"
                    : line.startsWith("\\") ? "d-meta"
                    : "d-ctx";
            out.element("span", line + "\n", "class", kind);
        }
        out.close().close().nl();
    }

    private void timeline(VariantResult v) {
        out.element("h4", "Where the build time went").nl();
        StepTimeline timeline = StepTimeline.of(v.steps());
        out.element("p", timeline.summary(experiment.changedFile().isPresent()), "class", "timeline-summary").nl();
        if (!timeline.rows().isEmpty()) {
            out.open("div", "class", "timeline-wrap");
            TimelineSvg.write(out, timeline);
            out.close().nl();
        }
    }

    private void layers(VariantResult v) {
        out.element("h4", "Layers").nl();
        if (v.layers().isEmpty()) {
            out.element("p", "No layers recorded.", "class", "muted").nl();
            return;
        }
        long total = v.layers().stream().mapToLong(LayerResult::sizeBytes).sum();
        out.open("div", "class", "table-wrap").open("table", "class", "layers").nl().open("thead").open("tr")
                .element("th", "#", "scope", "col", "class", "num").element("th", "Created by", "scope", "col")
                .element("th", "Size", "scope", "col", "class", "num")
                .element("th", "Share", "scope", "col", "class", "num").close().close().nl().open("tbody").nl();
        int n = 1;
        for (LayerResult layer : v.layers()) {
            out.open("tr").element("td", n++, "class", "num").element("td", layer.createdBy(), "class", "code")
                    .element("td", size(layer.sizeBytes()), "class", "num")
                    .element("td", total == 0 ? "\u2014" : percent(100.0 * layer.sizeBytes() / total), "class", "num")
                    .close().nl();
        }
        out.close().nl().close().close().nl();
    }

    private void waste(VariantResult v) {
        out.element("h4", "Top wasted files").nl();
        if (v.topWastedFiles().isEmpty()) {
            out.element("p", "No file appears in more than one layer.", "class", "muted").nl();
            return;
        }
        out.element("p", "Files in two or more layers: every copy but the last still travels with the image. "
                        + size(v.wastedBytes()) + " in all (" + percent(v.userWastedPercent())
                        + " of the layers above the base).", "class", "note").nl()
                .open("div", "class", "table-wrap").open("table", "class", "wasted").nl().open("thead").open("tr")
                .element("th", "Path", "scope", "col").element("th", "Layers", "scope", "col", "class", "num")
                .element("th", "Total size", "scope", "col", "class", "num").close().close().nl()
                .open("tbody").nl();
        for (WastedFile f : v.topWastedFiles()) {
            out.open("tr").element("td", f.path(), "class", "code").element("td", f.layers(), "class", "num")
                    .element("td", size(f.totalBytes()), "class", "num").close().nl();
        }
        out.close().nl().close().close().nl();
    }

    private void packages(VariantResult v) {
        out.element("h4", "Packages").nl();
        if (v.optimizations().isEmpty() || original.isEmpty() || !original.get().built()) {
            out.element("p", v.packages().size() + (v.packages().size() == 1 ? " package" : " packages")
                    + " installed" + (v.optimizations().isEmpty() ? ""
                            : "; the original did not build, so there is nothing to compare them with")
                    + ".").nl();
            return;
        }
        List<PackageChange> changes = PackageChange.between(original.get().packages(), v.packages());
        List<InstalledPackage> dropped = installed(changes, PackageChange.Kind.DROPPED);
        List<InstalledPackage> added = installed(changes, PackageChange.Kind.ADDED);
        out.element("p", v.packages().size() + " installed; " + dropped.size() + " of the original's dropped, "
                + added.size() + " added.").nl();
        packageTable("Dropped", dropped);
        packageTable("Added", added);
    }

    private static List<InstalledPackage> installed(List<PackageChange> changes, PackageChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(PackageChange::installed).toList();
    }

    private void packageTable(String title, List<InstalledPackage> packages) {
        if (packages.isEmpty()) {
            return;
        }
        long bytes = packages.stream().mapToLong(InstalledPackage::installedBytes).sum();
        out.element("h5", title + " (" + packages.size() + ", " + size(bytes) + ")").nl()
                .open("div", "class", "table-wrap").open("table", "class", "packages compact").nl()
                .open("thead").open("tr")
                .element("th", "Package", "scope", "col").element("th", "Version", "scope", "col")
                .element("th", "Manager", "scope", "col").element("th", "Installed size", "scope", "col", "class", "num")
                .close().close().nl().open("tbody").nl();
        for (InstalledPackage p : packages.subList(0, Math.min(MAX_PACKAGES, packages.size()))) {
            out.open("tr").element("td", p.name()).element("td", p.version(), "class", "code")
                    .element("td", p.manager())
                    .element("td", p.installedBytes() == 0 ? "\u2014" : size(p.installedBytes()), "class", "num")
                    .close().nl();
        }
        if (packages.size() > MAX_PACKAGES) {
            List<InstalledPackage> rest = packages.subList(MAX_PACKAGES, packages.size());
            out.open("tr").element("td", "and " + rest.size() + " smaller ones", "colspan", "3", "class", "muted")
                    .element("td", size(rest.stream().mapToLong(InstalledPackage::installedBytes).sum()),
                            "class", "num")
                    .close().nl();
        }
        out.close().nl().close().close().nl();
    }

    private void staging(VariantResult v) {
        out.element("h4", "Staging tests").nl();
        if (v.staging().isEmpty()) {
            out.element("p", v.built() ? "Not run." : "Not run: the variant did not build.", "class", "muted").nl();
            return;
        }
        StagingResult s = v.staging().get();
        if (s.tests().isEmpty()) {
            out.element("p", "No tests in the suite.", "class", "muted").nl();
        } else {
            out.open("div", "class", "table-wrap").open("table", "class", "tests").nl().open("thead").open("tr")
                    .element("th", "Status", "scope", "col").element("th", "Kind", "scope", "col")
                    .element("th", "Test", "scope", "col").element("th", "Time", "scope", "col", "class", "num")
                    .element("th", "Message and output", "scope", "col").close().close().nl().open("tbody").nl();
            for (TestOutcome t : s.tests()) {
                String status = t.status().name().toLowerCase(Locale.ROOT);
                out.open("tr").open("td").element("span", status, "class", "badge status-" + status).close()
                        .element("td", t.kind()).element("td", t.name())
                        .element("td", duration(t.seconds()), "class", "num").open("td");
                if (!t.message().isEmpty()) {
                    out.element("div", t.message(), "class", "message");
                }
                if (!t.output().isEmpty()) {
                    pre("output", t.output());
                }
                if (t.message().isEmpty() && t.output().isEmpty()) {
                    out.element("span", "\u2014", "class", "muted");
                }
                out.close().close().nl();
            }
            out.close().nl().close().close().nl();
        }
        parity(v, s);
        if (!s.problems().isEmpty()) {
            out.element("h4", "Checks that could not run").nl().open("ul", "class", "plain").nl();
            for (String problem : s.problems()) {
                out.element("li", problem).nl();
            }
            out.close().nl();
        }
    }

    private void parity(VariantResult v, StagingResult s) {
        out.element("h4", "Parity with the original").nl();
        if (v.optimizations().isEmpty()) {
            out.element("p", "The original is what the others are compared with.", "class", "muted").nl();
            return;
        }
        if (s.parity().isEmpty()) {
            out.element("p", "No differences found.").nl();
            return;
        }
        out.open("div", "class", "table-wrap").open("table", "class", "parity").nl().open("thead").open("tr")
                .element("th", "Severity", "scope", "col").element("th", "Kind", "scope", "col")
                .element("th", "Subject", "scope", "col").element("th", "Original", "scope", "col")
                .element("th", "Variant", "scope", "col").element("th", "What it means", "scope", "col")
                .close().close().nl();
        for (Severity severity : Severity.values()) {
            List<ParityFinding> group = s.parity().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.open("tbody", "class", "severity-" + severity.label()).nl().open("tr", "class", "group")
                    .element("th", severity.label() + " (" + group.size() + ")", "colspan", "6", "scope", "rowgroup")
                    .close().nl();
            for (ParityFinding f : group) {
                out.open("tr").open("td");
                severityBadge(severity);
                out.close().element("td", f.kind()).element("td", f.subject(), "class", "code");
                valueCell(f.original());
                valueCell(f.variant());
                out.element("td", f.message()).close().nl();
            }
            out.close().nl();
        }
        out.close().close().nl();
    }

    private void valueCell(String value) {
        if (value.isEmpty()) {
            out.element("td", "absent", "class", "absent");
        } else {
            out.element("td", value, "class", "code");
        }
    }
}

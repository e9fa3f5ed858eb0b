package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;
import static dev.slimlab.analysis.Formats.percent;
import static dev.slimlab.analysis.Formats.signedPercent;
import static dev.slimlab.analysis.Formats.size;
import static dev.slimlab.report.Markup.escape;

import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.analysis.PackageChange;
import dev.slimlab.analysis.RiskLevel;
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
 * why it did not build, its Dockerfile against the original, layers, wasted files, packages,
 * staging tests and parity findings.
 */
final class VariantDetails extends ReportSection {

    /** Packages listed per direction (dropped, added) before the rest are summed up in one line. */
    static final int MAX_PACKAGES = 100;

    VariantDetails(ReportSection page) {
        super(page);
    }

    void details() {
        out.append("<section id=\"variants\">\n<h2>Variants</h2>\n");
        for (int i = 0; i < analysis.variants().size(); i++) {
            Assessment a = analysis.variants().get(i);
            VariantResult v = results.get(a.name());
            boolean recommended = isRecommended(a);
            out.append("<details class=\"variant").append(recommended ? " recommended" : "").append("\" id=\"")
                    .append(escape(anchors.get(i))).append("\"").append(recommended ? " open=\"open\"" : "")
                    .append(">\n<summary><span class=\"name\">").append(escape(a.name())).append("</span>");
            verdictBadge(a);
            riskBadge(a.risk(), true);
            out.append("<span class=\"summary-figures\">");
            if (a.built()) {
                out.append(escape(size(a.sizeBytes())));
                if (baseline.isPresent() && !baseline.get().name().equals(a.name())) {
                    out.append(" (").append(escape(signedPercent(-a.sizeSavedPercent()))).append(")");
                }
            } else {
                out.append("not built");
            }
            if (recommended) {
                out.append(" \u00b7 \u2605 recommended");
            }
            out.append("</span></summary>\n<div class=\"variant-body\">\n");
            variantBody(a, v);
            out.append("</div>\n</details>\n");
        }
        out.append("</section>\n");
    }

    private void variantBody(Assessment a, VariantResult v) {
        out.append("<p><b>Verdict: ").append(escape(a.verdict().label())).append("</b> \u2014 ")
                .append(escape(a.reason())).append("</p>\n");
        out.append("<h4>Optimizations applied</h4>\n");
        if (a.optimizations().isEmpty()) {
            out.append("<p class=\"muted\">None: this is the original.</p>\n");
        } else {
            out.append("<ul class=\"plain\">\n");
            for (String id : catalog.canonicalOrder(a.optimizations())) {
                out.append("<li>");
                optimizationName(id);
                Optional<Optimization> o = catalog.byId(id);
                if (o.isPresent()) {
                    out.append(" ").append(escape(o.get().title())).append(" ");
                    riskBadge(RiskLevel.of(o.get().risk()), true);
                } else {
                    out.append(" <span class=\"muted\">(not an optimization this SlimLab knows)</span>");
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!a.riskReasons().isEmpty()) {
            out.append("<h4>Why the risk is ").append(a.risk().label()).append("</h4>\n<ul class=\"plain\">\n");
            for (String reason : a.riskReasons()) {
                out.append("<li>").append(escape(reason)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (a.built()) {
            figures(a, v);
        }
        if (v == null) {
            out.append("<p class=\"muted\">No build result was recorded for this variant.</p>\n");
            return;
        }
        if (!v.built()) {
            failure(v);
        }
        dockerfile(v);
        if (v.built()) {
            layers(v);
            waste(v);
            packages(v);
        }
        staging(v);
    }

    private void figures(Assessment a, VariantResult v) {
        out.append("<dl class=\"figures\">\n");
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
        out.append("</dl>\n");
    }

    private void figure(String term, String value) {
        out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private void failure(VariantResult v) {
        out.append("<h4>Why it did not build</h4>\n<p>Status: ")
                .append(escape(v.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</p>\n");
        pre("error", v.error().orElse("no reason recorded"));
        if (!v.logTail().isEmpty()) {
            out.append("<h5>End of the build log</h5>\n");
            pre("log", String.join("\n", v.logTail()));
        }
        if (v.logFile() != null && !v.logFile().isEmpty()) {
            out.append("<p class=\"note\">The whole log: <code>").append(escape(v.logFile())).append("</code></p>\n");
        }
    }

    private void dockerfile(VariantResult v) {
        String reference = experiment.dockerfile() != null ? experiment.dockerfile()
                : original.map(VariantResult::dockerfile).orElse("");
        if (v.optimizations().isEmpty()) {
            out.append("<h4>Dockerfile</h4>\n");
            pre("dockerfile", v.dockerfile());
            return;
        }
        out.append("<h4>Dockerfile changes against the original</h4>\n");
        String diff = UnifiedDiff.diff("original/Dockerfile", v.name() + "/Dockerfile", reference,
                v.dockerfile() == null ? "" : v.dockerfile());
        if (diff.isEmpty()) {
            out.append("<p class=\"muted\">Identical to the original.</p>\n");
            return;
        }
        out.append("<pre class=\"diff\"><code>");
        List<String> lines = diff.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String kind = i < 2 ? "d-file"
                    : line.startsWith("@@") ? "d-hunk"
                    : line.startsWith("+") ? "d-add"
                    : line.startsWith("-") ? "d-del"
                    : line.startsWith("\\") ? "d-meta"
                    : "d-ctx";
            out.append("<span class=\"").append(kind).append("\">").append(escape(line)).append("\n</span>");
        }
        out.append("</code></pre>\n");
    }

    private void layers(VariantResult v) {
        out.append("<h4>Layers</h4>\n");
        if (v.layers().isEmpty()) {
            out.append("<p class=\"muted\">No layers recorded.</p>\n");
            return;
        }
        long total = v.layers().stream().mapToLong(LayerResult::sizeBytes).sum();
        out.append("<div class=\"table-wrap\"><table class=\"layers\">\n<thead><tr><th scope=\"col\" class=\"num\">#</th>")
                .append("<th scope=\"col\">Created by</th><th scope=\"col\" class=\"num\">Size</th>")
                .append("<th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n");
        int n = 1;
        for (LayerResult layer : v.layers()) {
            out.append("<tr><td class=\"num\">").append(n++).append("</td><td class=\"code\">")
                    .append(escape(layer.createdBy())).append("</td><td class=\"num\">")
                    .append(escape(size(layer.sizeBytes()))).append("</td><td class=\"num\">")
                    .append(escape(total == 0 ? "\u2014" : percent(100.0 * layer.sizeBytes() / total)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    private void waste(VariantResult v) {
        out.append("<h4>Top wasted files</h4>\n");
        if (v.topWastedFiles().isEmpty()) {
            out.append("<p class=\"muted\">No file appears in more than one layer.</p>\n");
            return;
        }
        out.append("<p class=\"note\">Files in two or more layers: every copy but the last still travels with "
                + "the image. ").append(escape(size(v.wastedBytes()))).append(" in all (")
                .append(escape(percent(v.userWastedPercent()))).append(" of the layers above the base).</p>\n")
                .append("<div class=\"table-wrap\"><table class=\"wasted\">\n<thead><tr><th scope=\"col\">Path</th>")
                .append("<th scope=\"col\" class=\"num\">Layers</th><th scope=\"col\" class=\"num\">Total size</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (WastedFile f : v.topWastedFiles()) {
            out.append("<tr><td class=\"code\">").append(escape(f.path())).append("</td><td class=\"num\">")
                    .append(f.layers()).append("</td><td class=\"num\">")
                    .append(escape(size(f.totalBytes()))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    private void packages(VariantResult v) {
        out.append("<h4>Packages</h4>\n");
        if (v.optimizations().isEmpty() || original.isEmpty() || !original.get().built()) {
            out.append("<p>").append(v.packages().size()).append(v.packages().size() == 1 ? " package" : " packages")
                    .append(" installed").append(v.optimizations().isEmpty() ? ""
                            : "; the original did not build, so there is nothing to compare them with")
                    .append(".</p>\n");
            return;
        }
        List<PackageChange> changes = PackageChange.between(original.get().packages(), v.packages());
        List<InstalledPackage> dropped = installed(changes, PackageChange.Kind.DROPPED);
        List<InstalledPackage> added = installed(changes, PackageChange.Kind.ADDED);
        out.append("<p>").append(v.packages().size()).append(" installed; ").append(dropped.size())
                .append(" of the original's dropped, ").append(added.size()).append(" added.</p>\n");
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
        out.append("<h5>").append(title).append(" (").append(packages.size()).append(", ")
                .append(escape(size(bytes))).append(")</h5>\n")
                .append("<div class=\"table-wrap\"><table class=\"packages compact\">\n<thead><tr>")
                .append("<th scope=\"col\">Package</th><th scope=\"col\">Version</th><th scope=\"col\">Manager</th>")
                .append("<th scope=\"col\" class=\"num\">Installed size</th></tr></thead>\n<tbody>\n");
        for (InstalledPackage p : packages.subList(0, Math.min(MAX_PACKAGES, packages.size()))) {
            out.append("<tr><td>").append(escape(p.name())).append("</td><td class=\"code\">")
                    .append(escape(p.version())).append("</td><td>").append(escape(p.manager()))
                    .append("</td><td class=\"num\">")
                    .append(p.installedBytes() == 0 ? "\u2014" : escape(size(p.installedBytes())))
                    .append("</td></tr>\n");
        }
        if (packages.size() > MAX_PACKAGES) {
            List<InstalledPackage> rest = packages.subList(MAX_PACKAGES, packages.size());
            out.append("<tr><td colspan=\"3\" class=\"muted\">and ").append(rest.size())
                    .append(" smaller ones</td><td class=\"num\">")
                    .append(escape(size(rest.stream().mapToLong(InstalledPackage::installedBytes).sum())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    private void staging(VariantResult v) {
        out.append("<h4>Staging tests</h4>\n");
        if (v.staging().isEmpty()) {
            out.append("<p class=\"muted\">").append(v.built() ? "Not run." : "Not run: the variant did not build.")
                    .append("</p>\n");
            return;
        }
        StagingResult s = v.staging().get();
        if (s.tests().isEmpty()) {
            out.append("<p class=\"muted\">No tests in the suite.</p>\n");
        } else {
            out.append("<div class=\"table-wrap\"><table class=\"tests\">\n<thead><tr><th scope=\"col\">Status</th>")
                    .append("<th scope=\"col\">Kind</th><th scope=\"col\">Test</th>")
                    .append("<th scope=\"col\" class=\"num\">Time</th><th scope=\"col\">Message and output</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (TestOutcome t : s.tests()) {
                String status = t.status().name().toLowerCase(Locale.ROOT);
                out.append("<tr><td><span class=\"badge status-").append(status).append("\">").append(status)
                        .append("</span></td><td>").append(escape(t.kind())).append("</td><td>")
                        .append(escape(t.name())).append("</td><td class=\"num\">")
                        .append(escape(duration(t.seconds()))).append("</td><td>");
                if (!t.message().isEmpty()) {
                    out.append("<div class=\"message\">").append(escape(t.message())).append("</div>");
                }
                if (!t.output().isEmpty()) {
                    pre("output", t.output());
                }
                if (t.message().isEmpty() && t.output().isEmpty()) {
                    out.append("<span class=\"muted\">\u2014</span>");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody>\n</table></div>\n");
        }
        parity(v, s);
        if (!s.problems().isEmpty()) {
            out.append("<h4>Checks that could not run</h4>\n<ul class=\"plain\">\n");
            for (String problem : s.problems()) {
                out.append("<li>").append(escape(problem)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private void parity(VariantResult v, StagingResult s) {
        out.append("<h4>Parity with the original</h4>\n");
        if (v.optimizations().isEmpty()) {
            out.append("<p class=\"muted\">The original is what the others are compared with.</p>\n");
            return;
        }
        if (s.parity().isEmpty()) {
            out.append("<p>No differences found.</p>\n");
            return;
        }
        out.append("<div class=\"table-wrap\"><table class=\"parity\">\n<thead><tr><th scope=\"col\">Severity</th>")
                .append("<th scope=\"col\">Kind</th><th scope=\"col\">Subject</th><th scope=\"col\">Original</th>")
                .append("<th scope=\"col\">Variant</th><th scope=\"col\">What it means</th></tr></thead>\n");
        for (Severity severity : Severity.values()) {
            List<ParityFinding> group = s.parity().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("<tbody class=\"severity-").append(severity.label()).append("\">\n<tr class=\"group\">")
                    .append("<th colspan=\"6\" scope=\"rowgroup\">").append(severity.label()).append(" (")
                    .append(group.size()).append(")</th></tr>\n");
            for (ParityFinding f : group) {
                out.append("<tr><td>");
                severityBadge(severity);
                out.append("</td><td>").append(escape(f.kind())).append("</td><td class=\"code\">")
                        .append(escape(f.subject())).append("</td>");
                valueCell(f.original());
                valueCell(f.variant());
                out.append("<td>").append(escape(f.message())).append("</td></tr>\n");
            }
            out.append("</tbody>\n");
        }
        out.append("</table></div>\n");
    }

    private void valueCell(String value) {
        if (value.isEmpty()) {
            out.append("<td class=\"absent\">absent</td>");
        } else {
            out.append("<td class=\"code\">").append(escape(value)).append("</td>");
        }
    }
}

package dev.slimlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.StepTimeline;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.store.ExperimentFile;
import java.util.List;
import java.util.Map;

/**
 * The whole result as JSON: {@code {"format": "slimlab-report", "version": 1, "experiment": <the
 * experiment file's object>, "analysis": {...}, "budgets": [...]}}; the README documents every
 * field.
 */
public final class JsonReport {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(Analysis analysis, List<Budgets.Check> budgets) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "slimlab-report").put("version", VERSION);
        root.set("experiment", ExperimentFile.toJsonTree(analysis.experiment()));
        ObjectNode a = root.putObject("analysis");
        if (analysis.recommended().isPresent()) {
            a.put("recommended", analysis.recommended().get());
        } else {
            a.putNull("recommended");
        }
        a.put("recommendation", analysis.recommendation());
        a.putObject("rules").put("meaningfulSavingPercent", Analyzer.MEANINGFUL_SAVING_PERCENT)
                .put("escalationFactor", Analyzer.ESCALATION_FACTOR);
        ArrayNode variants = a.putArray("variants");
        Map<String, VariantResult> results = ReportCharts.results(analysis);
        for (Assessment v : analysis.variants()) {
            ObjectNode o = variants.addObject();
            o.put("name", v.name()).put("built", v.built()).put("verdict", v.verdict().label()).put("reason", v.reason())
                    .put("risk", v.risk().label()).put("intrinsicRisk", v.intrinsicRisk().label());
            ArrayNode reasons = o.putArray("riskReasons");
            v.riskReasons().forEach(reasons::add);
            o.put("sizeBytes", v.sizeBytes()).put("sizeSavedBytes", v.sizeSavedBytes())
                    .put("sizeSavedPercent", v.sizeSavedPercent()).put("pullBytes", v.pullBytes())
                    .put("pullSavedBytes", v.pullSavedBytes()).put("pullSavedPercent", v.pullSavedPercent())
                    .put("pullSecondsSaved", v.pullSecondsSaved());
            o.putObject("buildSeconds").put("median", v.buildTime().median()).put("min", v.buildTime().min())
                    .put("max", v.buildTime().max()).put("repetitions", v.buildTime().repetitions())
                    .put("changeFromOriginal", v.buildSecondsChange()).put("withinNoise", v.buildChangeInNoise());
            o.put("layers", v.layers()).put("efficiency", v.efficiency()).put("wastedBytes", v.wastedBytes());
            o.put("checked", v.checked());
            o.putObject("tests").put("passed", v.testsPassed()).put("run", v.testsRun());
            ArrayNode regressions = o.putArray("regressions");
            v.regressions().forEach(regressions::add);
            o.putObject("parity").put("high", v.parityHigh()).put("medium", v.parityMedium()).put("low", v.parityLow());
            o.put("paretoOptimal", v.paretoOptimal());
            steps(o.putArray("steps"), results.get(v.name()));
        }
        ArrayNode pareto = a.putArray("paretoFront");
        analysis.variants().stream().filter(Assessment::paretoOptimal).forEach(v -> pareto.add(v.name()));
        if (analysis.attribution().isPresent()) {
            var at = analysis.attribution().get();
            ObjectNode o = a.putObject("attribution");
            o.put("target", at.target()).put("originalBytes", at.originalBytes()).put("targetBytes", at.targetBytes());
            ArrayNode steps = o.putArray("steps");
            at.steps().forEach(s -> steps.addObject().put("optimization", s.optimization()).put("savedBytes", s.savedBytes()));
            ArrayNode unmeasured = o.putArray("unmeasured");
            at.unmeasured().forEach(unmeasured::add);
            o.put("interactionBytes", at.interactionBytes());
        } else {
            a.putNull("attribution");
        }
        ArrayNode checks = root.putArray("budgets");
        for (Budgets.Check c : budgets) {
            checks.addObject().put("name", c.name()).put("variant", c.variant()).put("limit", c.limit())
                    .put("actual", c.actual()).put("passed", c.passed()).put("message", c.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a report tree as JSON", e);
        }
    }

    /** The steps as the experiment file has them, and whether each ran in parallel with another. */
    private static void steps(ArrayNode steps, VariantResult result) {
        if (result == null) {
            return;
        }
        for (StepTimeline.Row s : StepTimeline.of(result.steps()).steps()) {
            steps.addObject().put("number", s.number()).put("instruction", s.name())
                    .put("startSeconds", s.startSeconds()).put("seconds", s.seconds()).put("cached", s.cached())
                    .put("parallel", s.parallel());
        }
    }
}

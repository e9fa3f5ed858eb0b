package dev.slimlab.report;

import java.util.Locale;

/** The formats a report is written in, by the name the command line uses. */
public enum ReportFormat {
    HTML("html"), MARKDOWN("md"), CSV("csv"), JSON("json"), JUNIT("junit");

    private final String name;

    ReportFormat(String name) {
        this.name = name;
    }

    public String cliName() {
        return name;
    }

    /** The usual file extension of a report in this format. */
    public String fileExtension() {
        return this == JUNIT ? "xml" : name;
    }

    /** By its command-line name (html, md, csv, json, junit), or an error listing them. */
    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.name.equals(text.toLowerCase(Locale.ROOT)) || f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "'; use html, md, csv, json or junit");
    }
}

package dev.slimlab.staging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small YAML document tree read with Jackson's streaming YAML parser. Unlike Jackson's own
 * tree it keeps each scalar's text as written ({@code 1.10} stays {@code 1.10}), the line of
 * each node, resolves anchors and aliases, and applies merge keys ({@code <<: *defaults}).
 */
final class YamlTree {

    private YamlTree() {
    }

    sealed interface Node permits Scalar, Sequence, Mapping {
        int line();

        /** How the node reads in a "got ..." message. */
        String describe();
    }

    enum ScalarKind { TEXT, WHOLE_NUMBER, DECIMAL_NUMBER, BOOLEAN, NULL }

    /** A scalar as written; {@code value} is the whole number or boolean YAML resolved it to, if any. */
    record Scalar(String text, ScalarKind kind, Object value, int line) implements Node {
        @Override
        public String describe() {
            return switch (kind) {
                case TEXT -> '"' + text + '"';
                case NULL -> "nothing (null)";
                default -> text;
            };
        }
    }

    record Sequence(List<Node> items, int line) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping with string keys, in file order; {@code keyLines} gives the line of each key. */
    record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** Thrown when the text is not YAML at all; carries the line of the error when known. */
    static final class NotYamlException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        NotYamlException(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /**
     * Reads the single document in {@code yaml}; returns null for a file with no document (empty
     * or only comments). Duplicate keys, unknown aliases, bad merge keys, and extra documents are
     * reported to {@code problems}.
     */
    static Node read(String yaml, List<SuiteProblem> problems) throws NotYamlException {
        try (YAMLParser parser = (YAMLParser) new YAMLFactory().createParser(yaml)) {
            Reader reader = new Reader(parser, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Node root = reader.node(first, "");
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                problems.add(new SuiteProblem("", "the file holds more than one YAML document (---);"
                        + " a container-structure-test suite is a single document", line(parser)));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
            throw new NotYamlException(firstLine(e.getOriginalMessage()), line);
        } catch (IOException e) {
            throw new NotYamlException(firstLine(e.getMessage()), 0);
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        return message.strip().lines().findFirst().orElse(message).strip();
    }

    private static int line(YAMLParser parser) {
        return Math.max(parser.currentTokenLocation().getLineNr(), 0);
    }

    private static final class Reader {
        private final YAMLParser parser;
        private final List<SuiteProblem> problems;
        private final Map<String, Node> anchors = new HashMap<>();

        Reader(YAMLParser parser, List<SuiteProblem> problems) {
            this.parser = parser;
            this.problems = problems;
        }

        Node node(JsonToken token, String path) throws IOException {
            int line = line(parser);
            if (parser.isCurrentAlias()) {
                String alias = parser.getText();
                Node target = anchors.get(alias);
                if (target == null) {
                    problems.add(new SuiteProblem(path, "refers to the unknown anchor *" + alias, line));
                    return new Scalar("", ScalarKind.NULL, null, line);
                }
                return target;
            }
            String anchor = parser.getCurrentAnchor();
            Node node = switch (token) {
                case START_OBJECT -> mapping(path, line);
                case START_ARRAY -> sequence(path, line);
                case VALUE_STRING -> new Scalar(parser.getText(), ScalarKind.TEXT, null, line);
                case VALUE_NUMBER_INT -> new Scalar(parser.getText(), ScalarKind.WHOLE_NUMBER,
                        parser.getBigIntegerValue(), line);
                case VALUE_NUMBER_FLOAT -> new Scalar(parser.getText(), ScalarKind.DECIMAL_NUMBER, null, line);
                case VALUE_TRUE -> new Scalar(parser.getText(), ScalarKind.BOOLEAN, Boolean.TRUE, line);
                case VALUE_FALSE -> new Scalar(parser.getText(), ScalarKind.BOOLEAN, Boolean.FALSE, line);
                case VALUE_NULL -> new Scalar(parser.getText() == null ? "" : parser.getText(),
                        ScalarKind.NULL, null, line);
                default -> new Scalar(String.valueOf(parser.getText()), ScalarKind.TEXT, null, line);
            };
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private Sequence sequence(String path, int line) throws IOException {
            List<Node> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(node(token, path + "[" + items.size() + "]"));
            }
            return new Sequence(List.copyOf(items), line);
        }

        private Mapping mapping(String path, int line) throws IOException {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new HashMap<>();
            List<Mapping> merged = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                int keyLine = line(parser);
                String childPath = path.isEmpty() ? key : path + "." + key;
                Node value = node(parser.nextToken(), childPath);
                if ("<<".equals(key)) {
                    merge(value, childPath, merged);
                } else if (entries.containsKey(key)) {
                    problems.add(new SuiteProblem(childPath, "appears twice in the same mapping (first on line "
                            + keyLines.get(key) + ")", keyLine));
                } else {
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
            }
            // Keys written in the mapping win over merged ones; earlier merged mappings win over later ones.
            for (Mapping source : merged) {
                source.entries().forEach((key, value) -> {
                    if (!entries.containsKey(key)) {
                        entries.put(key, value);
                        keyLines.put(key, source.keyLines().get(key));
                    }
                });
            }
            return new Mapping(entries, keyLines, line);
        }

        private void merge(Node value, String path, List<Mapping> merged) {
            if (value instanceof Mapping mapping) {
                merged.add(mapping);
            } else if (value instanceof Sequence sequence
                    && sequence.items().stream().allMatch(Mapping.class::isInstance)) {
                sequence.items().forEach(item -> merged.add((Mapping) item));
            } else {
                problems.add(new SuiteProblem(path, "a merge key (<<) needs a mapping or a list of mappings, got "
                        + value.describe(), value.line()));
            }
        }
    }
}

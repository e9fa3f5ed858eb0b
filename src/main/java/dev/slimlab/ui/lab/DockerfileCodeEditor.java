package dev.slimlab.ui.lab;

import dev.slimlab.optimize.Finding;
import dev.slimlab.ui.lab.DockerfileHighlighter.Highlighting;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.reactfx.value.Val;

/**
 * The Dockerfile editor: a RichTextFX {@link CodeArea} with Dockerfile colours
 * ({@link DockerfileHighlighter}), line numbers, and a marker in the gutter and a band behind the
 * lines where optimizations apply ({@link LineMarkers}); hovering either says which apply and why,
 * F8 and Shift+F8 go to the next and previous marker.
 *
 * <p>It is two-way with {@link DockerfileViewModel#textProperty()}: what is typed goes to the model
 * (which reparses and updates its findings, and so the markers); a text the model sets, such as
 * a file it opened, replaces the editor's content and starts a fresh undo history. A flag on each
 * side keeps one direction from echoing back.
 */
final class DockerfileCodeEditor {

    /** Style class of the paragraphs in a marked instruction (editor.css). */
    static final String BAND = "finding-band";
    private static final List<String> BAND_STYLE = List.of(BAND);

    /** The first of these the machine has; the logical "Monospaced" has no italic on Linux. */
    private static final String MONOSPACE = Stream.of("DejaVu Sans Mono", "Menlo", "Consolas", "Liberation Mono")
            .filter(Set.copyOf(Font.getFamilies())::contains).findFirst().orElse("Monospaced");

    private final DockerfileViewModel model;
    private final List<OptimizationItem> optimizations;
    private final CodeArea area = new CodeArea();
    private final ObjectProperty<LineMarkers> markers = new SimpleObjectProperty<>(LineMarkers.NONE);
    private final Tooltip lineTooltip = new Tooltip();
    private Highlighting highlighting = DockerfileHighlighter.highlight("");
    private String lineEnding = "\n";
    private boolean fromModel;
    private boolean fromEditor;

    DockerfileCodeEditor(DockerfileViewModel model, List<OptimizationItem> optimizations) {
        this.optimizations = optimizations;
        this.model = model;
        area.setId("dockerfile-editor");
        area.getStyleClass().add("dockerfile-editor");
        area.setAccessibleText("Dockerfile");
        // RichTextFX's own sheet sets "monospace" on .code-area and beats the scene's sheets, and
        // JavaFX CSS takes only the first family of a list: so the family is chosen here.
        area.setStyle("-fx-font-family: \"" + MONOSPACE + "\";");
        area.setParagraphGraphicFactory(gutter());

        area.plainTextChanges().subscribe(change -> typed());
        model.textProperty().addListener((obs, was, is) -> {
            if (!fromEditor) {
                replaceFrom(is);
            }
        });
        model.getFindings().addListener((ListChangeListener<Finding>) change -> {
            // While the model reparses a text it was given, the editor still shows the old one:
            // replaceFrom comes next and marks the new text.
            if (!fromEditor && !fromModel && showsModelText()) {
                showMarkers();
            }
        });

        lineTooltip.getStyleClass().add("finding-tooltip");
        lineTooltip.setWrapText(true);
        lineTooltip.setMaxWidth(520);
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            int line = area.offsetToPosition(e.getCharacterIndex(), Bias.Forward).getMajor();
            markers.get().markerCovering(line).ifPresent(marker -> {
                lineTooltip.setText(describe(marker));
                Point2D at = e.getScreenPosition();
                lineTooltip.show(area, at.getX() + 8, at.getY() + 16);
            });
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> lineTooltip.hide());
        area.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            lineTooltip.hide();
            if (e.getCode() == KeyCode.F8 && !e.isShortcutDown() && !e.isAltDown()) {
                int caret = area.getCurrentParagraph();
                (e.isShiftDown() ? markers.get().previousBefore(caret) : markers.get().nextAfter(caret))
                        .ifPresent(line -> reveal(line + 1));
                e.consume();
            }
        });

        replaceFrom(model.textProperty().get());
    }

    /**
     * The editor in its scroll pane, in a frame that shows when it has the focus (the scroll
     * pane lays its content over its own border).
     */
    Node node() {
        StackPane frame = new StackPane(new VirtualizedScrollPane<>(area));
        frame.getStyleClass().add("dockerfile-editor-frame");
        return frame;
    }

    CodeArea area() {
        return area;
    }

    /** The markers now shown; they follow the model's findings. */
    ReadOnlyObjectProperty<LineMarkers> markersProperty() {
        return markers;
    }

    /** Moves the caret to the start of 1-based {@code line} and scrolls it into the middle of the view. */
    void reveal(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.showParagraphAtCenter(paragraph);
    }

    /** What the tooltips say about {@code marker}, with the optimizations' titles. */
    String describe(LineMarkers.Marker marker) {
        return LineMarkers.describe(marker, this::title);
    }

    private String title(String optimizationId) {
        return optimizations.stream().filter(o -> o.id().equals(optimizationId)).findFirst()
                .map(OptimizationItem::title).orElse(null);
    }

    // ---- the two directions --------------------------------------------------------------------

    /** The user changed the text: colour it, hand it to the model, mark what its findings say. */
    private void typed() {
        if (fromModel) {
            return;
        }
        String text = area.getText();
        highlighting = DockerfileHighlighter.highlight(text);
        fromEditor = true;
        try {
            model.textProperty().set(EditorText.toModel(text, lineEnding));
        } finally {
            fromEditor = false;
        }
        showStyles();
        showMarkers();
    }

    /** The model set a text of its own (a file opened): it replaces the content and the undo history. */
    private void replaceFrom(String modelText) {
        String text = EditorText.toEditor(modelText == null ? "" : modelText);
        lineEnding = EditorText.lineEndingOf(modelText == null ? "" : modelText);
        if (text.equals(area.getText())) {
            return;
        }
        highlighting = DockerfileHighlighter.highlight(text);
        fromModel = true;
        try {
            area.replaceText(text);
        } finally {
            fromModel = false;
        }
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.showParagraphAtTop(0);
        showStyles();
        showMarkers();
    }

    private boolean showsModelText() {
        String modelText = model.textProperty().get();
        return modelText != null && EditorText.toEditor(modelText).equals(area.getText());
    }

    // ---- what the editor shows -----------------------------------------------------------------

    private void showStyles() {
        area.setStyleSpans(0, DockerfileHighlighter.styleSpans(highlighting, area.getLength()));
    }

    /** Recomputes the markers from the model's findings, and sets the band only where it changed. */
    private void showMarkers() {
        int lines = area.getParagraphs().size();
        LineMarkers now = LineMarkers.of(model.getFindings(), lines, highlighting.instructions());
        for (int line = 0; line < lines; line++) {
            boolean band = now.bandLines().contains(line);
            Collection<String> style = area.getParagraph(line).getParagraphStyle();
            if (band != style.contains(BAND)) {
                area.setParagraphStyle(line, band ? BAND_STYLE : List.of());
            }
        }
        markers.set(now);
    }

    /** Line number, then a slot that shows a marker on a marked line, with the tooltip. */
    private IntFunction<Node> gutter() {
        IntFunction<Node> numbers = LineNumberFactory.get(area, digits -> "%1$" + digits + "s", null, null);
        return line -> {
            Label marker = new Label();
            marker.getStyleClass().add("finding-marker");
            marker.setAlignment(Pos.CENTER);
            Val<Optional<LineMarkers.Marker>> here = Val.map(markers, m -> m.markerOn(line)).conditionOnShowing(marker);
            marker.visibleProperty().bind(here.map(Optional::isPresent).orElseConst(false));
            marker.textProperty().bind(here.map(m -> m.map(x -> Integer.toString(x.findings().size())).orElse(""))
                    .orElseConst(""));
            Tooltip tooltip = new Tooltip();
            tooltip.getStyleClass().add("finding-tooltip");
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
            tooltip.setShowDelay(javafx.util.Duration.millis(200));
            tooltip.textProperty().bind(here.map(m -> m.map(this::describe).orElse("")).orElseConst(""));
            marker.setTooltip(tooltip);
            marker.accessibleTextProperty().bind(tooltip.textProperty());
            HBox box = new HBox(numbers.apply(line), marker);
            box.getStyleClass().add("editor-gutter");
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        };
    }
}

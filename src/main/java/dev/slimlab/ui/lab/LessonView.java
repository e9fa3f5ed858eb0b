package dev.slimlab.ui.lab;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * A lesson (Markdown) as JavaFX text: headings, paragraphs, lists, emphasis and code, styled by
 * the lab stylesheet. Only text nodes are made: nothing in a lesson can load or run anything.
 */
final class LessonView {

    private static final Parser PARSER = Parser.builder().build();

    private LessonView() {
    }

    /** One block per paragraph, heading, list item or code block. */
    static List<Node> render(String markdown) {
        List<Node> blocks = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            private TextFlow current;
            private final List<String> styles = new ArrayList<>();
            private String bullet = "";

            private TextFlow block(String style) {
                current = new TextFlow();
                current.getStyleClass().addAll("lesson-block", style);
                blocks.add(current);
                return current;
            }

            private void text(String literal) {
                if (current == null) {
                    block("lesson-paragraph");
                }
                Text t = new Text(literal);
                t.getStyleClass().add("lesson-text");
                t.getStyleClass().addAll(styles);
                current.getChildren().add(t);
            }

            @Override
            public void visit(Heading heading) {
                block("lesson-heading-" + Math.min(heading.getLevel(), 3));
                visitChildren(heading);
                current = null;
            }

            @Override
            public void visit(Paragraph paragraph) {
                if (!bullet.isEmpty()) {
                    block("lesson-item");
                    text(bullet);
                    bullet = "";
                } else {
                    block("lesson-paragraph");
                }
                visitChildren(paragraph);
                current = null;
            }

            @Override
            public void visit(BulletList list) {
                visitChildren(list);
            }

            @Override
            public void visit(OrderedList list) {
                int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    bullet = number++ + ". ";
                    item.accept(this);
                }
            }

            @Override
            public void visit(ListItem item) {
                if (bullet.isEmpty()) {
                    bullet = "• ";
                }
                visitChildren(item);
                bullet = "";
            }

            @Override
            public void visit(org.commonmark.node.Text text) {
                text(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                styles.add("lesson-code");
                text(code.getLiteral());
                styles.remove("lesson-code");
            }

            @Override
            public void visit(Emphasis emphasis) {
                styles.add("lesson-emphasis");
                visitChildren(emphasis);
                styles.remove("lesson-emphasis");
            }

            @Override
            public void visit(StrongEmphasis strong) {
                styles.add("lesson-strong");
                visitChildren(strong);
                styles.remove("lesson-strong");
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text(" ");
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text("\n");
            }

            @Override
            public void visit(FencedCodeBlock code) {
                codeBlock(code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                codeBlock(code.getLiteral());
            }

            private void codeBlock(String literal) {
                block("lesson-code-block");
                styles.add("lesson-code");
                text(literal.stripTrailing());
                styles.remove("lesson-code");
                current = null;
            }
        });
        return blocks;
    }
}

package dev.slimlab.report;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * HTML written through the JDK's {@link XMLStreamWriter}, which does all the escaping: element
 * content and attribute values are handed to it as values, never spliced into markup. What XML
 * cannot carry at all (terminal escapes, lone surrogates) is replaced before it gets there
 * ({@link Markup#xmlChars}). The result is HTML5 that is also well-formed XML; void elements are
 * written as {@code <meta .../>}, which HTML5 accepts.
 *
 * <p>Only two kinds of markup go in as they are, through {@link #raw}: markup a library drew and
 * escaped itself (the charts' SVG, the lessons' commonmark HTML) and the page's fixed style sheet.
 */
final class HtmlWriter {

    private final StringWriter buffer = new StringWriter(64 * 1024);
    private final XMLStreamWriter xml;

    HtmlWriter() {
        try {
            // the JDK's own writer, whatever StAX implementation the class path brings: the output stays the same
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** {@code <!DOCTYPE html>} and a line break: the first thing of a page, which the XML writer has no call for. */
    HtmlWriter doctype() {
        buffer.write("<!DOCTYPE html>\n");
        return this;
    }

    /**
     * A start tag with its {@code attributes}, given as name, value pairs; an attribute whose value is
     * {@code null} is left out.
     */
    HtmlWriter open(String tag, String... attributes) {
        try {
            xml.writeStartElement(tag);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** A void element ({@code meta}, {@code br}...), written {@code <tag .../>}. */
    HtmlWriter empty(String tag, String... attributes) {
        try {
            xml.writeEmptyElement(tag);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** The end tag of the element opened last. */
    HtmlWriter close() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** {@code text} (a string or a number; {@code null} is nothing) as element content. */
    HtmlWriter text(Object text) {
        try {
            xml.writeCharacters(Markup.xmlChars(text == null ? "" : String.valueOf(text)));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** A line break between elements. */
    HtmlWriter nl() {
        return text("\n");
    }

    /** An element holding only {@code text}. */
    HtmlWriter element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /**
     * {@code markup} as it is. Only for markup a library escaped itself (the charts' SVG, the lessons'
     * commonmark HTML) and for the page's fixed style sheet.
     */
    HtmlWriter raw(String markup) {
        try {
            xml.writeCharacters(""); // ends a start tag still open
            xml.flush();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        buffer.write(markup);
        return this;
    }

    /** Everything written so far. */
    String html() {
        try {
            xml.writeCharacters(""); // ends a start tag still open
            xml.flush();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return buffer.toString();
    }

    private void attributes(String... attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.writeAttribute(attributes[i], Markup.xmlChars(attributes[i + 1]));
            }
        }
    }

    private static IllegalStateException failed(XMLStreamException e) {
        return new IllegalStateException("could not write the HTML report: " + e.getMessage(), e);
    }
}

package dev.praxis.command.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One table of a Stack Exchange data dump ({@code Posts.xml}, ...): a root element holding one
 * {@code <row .../>} per record, its fields as attributes. Read with StAX, one row at a time, so a
 * file larger than memory streams through; DTDs and external entities are refused.
 */
final class DumpFile {

    private static final XMLInputFactory FACTORY = factory();

    private final Path path;

    DumpFile(Path dir, String name) {
        this.path = dir.resolve(name);
    }

    String name() {
        return path.getFileName().toString();
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** A record of the file: its attributes and the line it starts on (1-based). */
    record Row(Map<String, String> fields, long line) {

        String get(String field) {
            String value = fields.get(field);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    /** The file could not be read to the end: malformed XML, or an I/O failure, at a line. */
    static final class UnreadableException extends Exception {
        private final long line;

        UnreadableException(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /**
     * Hands every row to {@code each}, in file order. Stops at the first malformed spot with an
     * {@link UnreadableException} naming its line; the rows before it have been handed on.
     */
    void forEachRow(Consumer<Row> each) throws UnreadableException {
        long line = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                int depth = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    line = xml.getLocation().getLineNumber();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2 && "row".equals(xml.getLocalName())) {
                            Map<String, String> fields = new HashMap<>();
                            for (int i = 0; i < xml.getAttributeCount(); i++) {
                                fields.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                            }
                            each.accept(new Row(fields, line));
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            long at = e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : line;
            throw new UnreadableException(at, "malformed XML: " + clean(e.getMessage()), e);
        } catch (IOException e) {
            throw new UnreadableException(line, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** StAX prefixes its messages with "ParseError at [row,col]:[..]\nMessage: "; keep the sentence. */
    private static String clean(String message) {
        if (message == null) {
            return "unreadable";
        }
        int at = message.lastIndexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}

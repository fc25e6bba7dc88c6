package io.watchtime.client.support;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An XLSX read back as Excel reads it, from the zip's parts: the first sheet's cells (value, type, number
 * format), column widths, frozen pane and autofilter, the shared strings and the workbook's defined names. No
 * reader library: what is checked is the XML itself.
 */
public final class SheetXml {

    private final Document sheet;
    private final Document workbook;
    private final List<String> strings = new ArrayList<>();
    private final List<String> cellFormats = new ArrayList<>();
    private final Map<String, Element> cells = new HashMap<>();

    private SheetXml(ZipFile zip) throws Exception {
        sheet = parse(zip, "xl/worksheets/sheet1.xml");
        workbook = parse(zip, "xl/workbook.xml");
        if (zip.getEntry("xl/sharedStrings.xml") != null) {
            NodeList si = parse(zip, "xl/sharedStrings.xml").getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                strings.add(si.item(i).getTextContent());
            }
        }
        Document styles = parse(zip, "xl/styles.xml");
        Map<String, String> numFmts = new HashMap<>(Map.of("0", "General"));
        each(styles, "numFmt", e -> numFmts.put(e.getAttribute("numFmtId"), e.getAttribute("formatCode")));
        Element cellXfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
        NodeList xfs = cellXfs.getElementsByTagName("xf");
        for (int i = 0; i < xfs.getLength(); i++) {
            cellFormats.add(numFmts.getOrDefault(((Element) xfs.item(i)).getAttribute("numFmtId"), "builtin"));
        }
        each(sheet, "c", e -> cells.put(e.getAttribute("r"), e));
    }

    public static SheetXml read(Path xlsx) throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            return new SheetXml(zip);
        }
    }

    /** Whether the sheet has a cell at {@code ref} (like "P2"); an absent value has none. */
    public boolean has(String ref) {
        return cells.containsKey(ref);
    }

    /** The cell's text as shown before formatting: a shared string's text, or the number as written. */
    public String value(String ref) {
        Element c = cells.get(ref);
        String v = c.getElementsByTagName("v").item(0).getTextContent();
        return "s".equals(c.getAttribute("t")) ? strings.get(Integer.parseInt(v)) : v;
    }

    /** "s" for text, "n" for a number (dates are numbers with a date format). */
    public String type(String ref) {
        return cells.get(ref).getAttribute("t");
    }

    /** The cell's number format code, "General" without one. */
    public String format(String ref) {
        String s = cells.get(ref).getAttribute("s");
        return s.isEmpty() ? "General" : cellFormats.get(Integer.parseInt(s));
    }

    /** The width of column {@code column} (1 = A), or -1 when the sheet gives it none. */
    public double width(int column) {
        double[] width = {-1};
        each(sheet, "col", e -> {
            if (Integer.parseInt(e.getAttribute("min")) <= column && column <= Integer.parseInt(e.getAttribute("max"))) {
                width[0] = Double.parseDouble(e.getAttribute("width"));
            }
        });
        return width[0];
    }

    /** The attribute of the first element named {@code tag} in the sheet ("" when none). */
    public String attribute(String tag, String name) {
        NodeList found = sheet.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : ((Element) found.item(0)).getAttribute(name);
    }

    public List<String> definedNames() {
        List<String> names = new ArrayList<>();
        each(workbook, "definedName", e -> names.add(e.getAttribute("name") + "=" + e.getTextContent()));
        return names;
    }

    private static void each(Document doc, String tag, java.util.function.Consumer<Element> action) {
        NodeList found = doc.getElementsByTagName(tag);
        for (int i = 0; i < found.getLength(); i++) {
            action.accept((Element) found.item(i));
        }
    }

    private static Document parse(ZipFile zip, String part) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}

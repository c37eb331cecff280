package io.chatform.release;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads pom.xml with XPath, so tests check the build's declared facts rather than copies. */
final class Pom {
  private final Document doc;

  Pom(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    doc = f.newDocumentBuilder().parse(file.toFile());
  }

  static Pom read() throws Exception {
    return new Pom(Path.of("pom.xml"));
  }

  /** The text at {@code xpath} (empty when absent). */
  String text(String xpath) throws Exception {
    return ((String)
            XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING))
        .trim();
  }

  /** How many nodes {@code xpath} selects. */
  int count(String xpath) throws Exception {
    return ((NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
        .getLength();
  }

  /** The Jib plugin's configuration element, as an XPath prefix. */
  static String jib() {
    return "/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration";
  }
}

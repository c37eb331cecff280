package io.chatform.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The release artefacts as declared: an OSI licence in LICENSE and the pom, a changelog, the
 * runnable jar's name and main class, and the container image's configuration (non-root user,
 * entrypoint chatform). The image itself needs a registry for its base image, so it is not built
 * here; this checks what Jib would be given.
 */
class ReleaseArtefactsTest {
  @Test
  void licenceIsApache2InTheFileAndThePom() throws Exception {
    Pom pom = Pom.read();
    assertThat(pom.text("/project/licenses/license/name")).isEqualTo("Apache-2.0");
    assertThat(Files.readString(Path.of("LICENSE")))
        .contains("Apache License")
        .contains("Version 2.0, January 2004")
        .contains("END OF TERMS AND CONDITIONS");
  }

  @Test
  void changelogHasASectionForThePomVersion() throws Exception {
    String version = Pom.read().text("/project/version").replace("-SNAPSHOT", "");
    assertThat(Files.readString(Path.of("CHANGELOG.md"))).contains("## [" + version + "]");
  }

  @Test
  void theRunnableJarIsTargetChatformJarWithTheCliMain() throws Exception {
    Pom pom = Pom.read();
    String shade = "/project/build/plugins/plugin[artifactId='maven-shade-plugin']";
    assertThat(pom.text(shade + "//finalName")).isEqualTo("chatform");
    assertThat(pom.text(shade + "//transformer/mainClass")).isEqualTo("io.chatform.cli.Main");
    // The version has one source, the pom: it reaches --version through the jar manifest.
    assertThat(
            pom.text(
                "/project/build/plugins/plugin[artifactId='maven-jar-plugin']"
                    + "//addDefaultImplementationEntries"))
        .isEqualTo("true");
  }

  @Test
  void theImageRunsChatformAsANonRootUser() throws Exception {
    Pom pom = Pom.read();
    String user = pom.text(Pom.jib() + "/container/user");
    assertThat(user).matches("[0-9]+:[0-9]+");
    assertThat(user.split(":")).allSatisfy(id -> assertThat(Integer.parseInt(id)).isPositive());
    String entrypoint = pom.text(Pom.jib() + "/container/entrypoint");
    assertThat(entrypoint).isEqualTo("/usr/local/bin/chatform");
    assertThat(pom.text(Pom.jib() + "/container/mainClass")).isEqualTo("io.chatform.cli.Main");
    assertThat(pom.text(Pom.jib() + "/to/image")).isEqualTo("chatform:${project.version}");

    // The entrypoint is a file Jib adds from src/main/jib, executable, running the CLI's main.
    Path script = Path.of("src/main/jib" + entrypoint);
    assertThat(script).isRegularFile();
    assertThat(pom.text(Pom.jib() + "//permission[file='" + entrypoint + "']/mode"))
        .isEqualTo("755");
    assertThat(Files.readString(script))
        .startsWith("#!/bin/sh\n")
        .contains("exec java ")
        .contains("-cp @/app/jib-classpath-file io.chatform.cli.Main \"$@\"");
  }

  @Test
  void jibIsNotBoundToAPhaseSoVerifyNeverNeedsARegistry() throws Exception {
    Pom pom = Pom.read();
    assertThat(pom.count("/project/build/plugins/plugin[artifactId='jib-maven-plugin']"))
        .isEqualTo(1);
    assertThat(pom.count("/project/build/plugins/plugin[artifactId='jib-maven-plugin']/executions"))
        .isZero();
  }

  /** Reads pom.xml with XPath, so tests check the build's declared facts rather than copies. */
  static final class Pom {
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
}

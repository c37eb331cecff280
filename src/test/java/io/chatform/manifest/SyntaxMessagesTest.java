package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML syntax errors read as plain sentences, every one of a file is reported, each located. */
class SyntaxMessagesTest {
  @TempDir Path dir;

  private List<String> messages(String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), ApiVersion.V3_6);
    return r.diagnostics().stream().map(d -> d.format().replace(f.toString(), name)).toList();
  }

  private List<String> messages(String yaml) throws IOException {
    return messages("m.yaml", yaml);
  }

  @Test
  void aRawControlCharacterIsLocatedWhereItIs() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  - name: \u00e9A\u001bB\n"))
        .singleElement()
        .asString()
        .startsWith("m.yaml:3:13: a raw control character (code point U+001B) is not allowed");
  }

  @Test
  void aTabSaysSo() throws IOException {
    assertThat(messages("version: 1\ngroups:\n\t- name: a\n"))
        .containsExactly(
            "m.yaml:3:1: a tab character is used here; YAML indents with spaces only (replace the"
                + " tab with spaces, e.g. two per level)");
  }

  @Test
  void anUnclosedQuotePointsAtWhereItOpened() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  - name: \"Support\n"))
        .containsExactly(
            "m.yaml:3:11: this quoted value is never closed (add the closing quote at the end of"
                + " the value)");
  }

  @Test
  void aListItemUnderAMappingKey() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  name: a\n  - name: b\n"))
        .singleElement()
        .asString()
        .startsWith("m.yaml:4:3: a list item ('- ') where a key of the mapping started at line 3")
        .contains("indent the items under their key");
  }

  @Test
  void wrongIndentation() throws IOException {
    assertThat(messages("version: 1\nagents:\n  - id: a@x.io\n  ? x\n"))
        .singleElement()
        .asString()
        .startsWith("m.yaml:4:3: this line's indentation does not match the block started at line");
    assertThat(messages("version: 1\nagents:\n  - id: a@x.io\n     name: b\n"))
        .singleElement()
        .asString()
        .startsWith("m.yaml:4:10: a key appears where a value was expected");
  }

  @Test
  void aValueHoldingColonSpaceMustBeQuoted() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  - name: Sales: EU\n"))
        .containsExactly(
            "m.yaml:3:16: a second ': ' on this line: a value that holds ': ' must be quoted"
                + " (quote the value, e.g. name: \"a: b\")");
  }

  @Test
  void undefinedAliasAndAtSign() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  - name: *nope\n"))
        .singleElement()
        .asString()
        .contains("the alias *nope names no anchor");
    assertThat(messages("version: 1\ngroups:\n  - name: @team\n"))
        .singleElement()
        .asString()
        .contains("a value cannot start with '@' unless it is quoted");
  }

  @Test
  void everySectionsErrorIsReported() throws IOException {
    assertThat(
            messages(
                "version: 1\ngroups:\n  - name: \"Support\n  - name: Sales\nagents:\n  - id: a@x.io\n"
                    + "\t  name: A\nbots:\n  - name: B: C\n"))
        .hasSize(3)
        .anyMatch(m -> m.startsWith("m.yaml:3:11: this quoted value is never closed"))
        .anyMatch(m -> m.startsWith("m.yaml:7:1: a tab character"))
        .anyMatch(m -> m.startsWith("m.yaml:9:12: a second ': '"));
  }

  @Test
  void anAliasToAnotherSectionIsNotAnErrorOfThatSection() throws IOException {
    assertThat(
            messages(
                "version: 1\nx-a: &a {role: normal}\ngroups:\n  - name: [Open\nagents:\n  - <<: *a\n"
                    + "    id: a@x.io\n"))
        .singleElement()
        .asString()
        .startsWith("m.yaml:5:7: the '[' opened at line 4");
  }

  @Test
  void aFileWithoutVersionIsNotAManifest() throws IOException {
    String readme = "# chatform\n\nConfiguration *as code*: for LiveChat.\n\n- item\n  - `x`: y\n";
    String expected =
        ":1:1: not a chatform manifest (no `version: 1`) (pass manifest files (YAML starting with"
            + " version: 1) or directories of them to -f; if this is a manifest, add version: 1 as"
            + " its first line)";
    assertThat(messages("README.md", readme)).containsExactly("README.md" + expected);
    assertThat(messages("groups: [{name: A}]\n")).containsExactly("m.yaml" + expected);
    assertThat(messages("just text\n")).containsExactly("m.yaml" + expected);
  }

  @Test
  void textAfterAClosingQuote() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  - name: 'it's'\n"))
        .containsExactly(
            "m.yaml:3:15: text after a closing quote: a quote inside a quoted value ends it (inside"
                + " single quotes write '' for ', as in 'it''s'; or use the other kind of quote)");
  }

  @Test
  void aKeyWithoutColonIsShownWhereItIs() throws IOException {
    assertThat(messages("version: 1\nagents\n  - id: a@x.io\n"))
        .containsExactly(
            "m.yaml:2:1: a key without ':' (or a value split over lines) (write key: value on one"
                + " line)");
  }

  @Test
  void aMissingSpaceAfterColon() throws IOException {
    assertThat(messages("version: 1\ngroups:\n  - name:Support\n"))
        .containsExactly(
            "m.yaml:3:5: groups[0]: expected object, found string (write a space after ':' so it"
                + " reads as key: value, e.g. name: Support)");
  }
}

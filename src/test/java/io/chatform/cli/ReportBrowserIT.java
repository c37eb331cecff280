package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatform report} of examples/acme with a plan, loaded in headless Chromium: the rendered
 * map and heatmaps hold the expected groups and cells; a screenshot is kept under target/.
 */
class ReportBrowserIT {
  @TempDir Path tmp;

  static final Path SCREENSHOT = Path.of("target", "report-screenshot", "acme-report.png");

  @Test
  void acmeReportWithAPlanRendersInABrowser() throws Exception {
    var browser = Browser.find();
    Assumptions.assumeTrue(
        browser.isPresent(),
        "SKIPPED: no headless browser found (install Debian's chromium: apt-get install -y"
            + " chromium, which .ci/run does as root; or set CHROME_BIN)");
    Cli cli = new Cli(tmp);
    Path acme = tmp.resolve("acme");
    Files.createDirectories(acme);
    for (String f : new String[] {"agents.yaml", "groups.yaml", "routing.yaml"}) {
      Files.copy(Path.of("examples/acme", f), acme.resolve(f));
    }
    assertThat(cli.sandbox("apply", "-f", acme.toString(), "--auto-approve").code()).isZero();
    // the change under review: a new rule replaces one, Billing pages gain a group
    Path routing = acme.resolve("routing.yaml");
    Files.writeString(
        routing,
        Files.readString(routing)
            .replace("description: French visitors", "description: Swiss French")
            .replace("{country_code: FR}", "{country_code: CH, region: Geneva}")
            .replace("groups: [Billing]", "groups: [Billing, Support]"));
    Path plan = tmp.resolve("plan.json");
    Cli.Result planned = cli.sandbox("plan", "-f", acme.toString(), "--out", plan.toString());
    assertThat(planned.code()).as(planned.toString()).isZero();
    Path html = tmp.resolve("report.html");
    Cli.Result r =
        cli.run("report", "-f", acme.toString(), "--plan", plan.toString(), "--out", "" + html);
    assertThat(r.code()).as(r.toString()).isZero();
    String source = Files.readString(html);
    assertThat(source)
        .doesNotContain("http://")
        .doesNotContain("https://cdn")
        .doesNotContain("<script");

    Path profile = tmp.resolve("profile");
    String dom = browser.get().dumpDom(html, profile);
    assertThat(dom).contains("<h1>Routing report</h1>").contains("id=\"routing-map\"");
    for (String g : new String[] {"VIP", "Vertrieb", "Ventes", "Wsparcie", "Billing", "Support"}) {
      assertThat(dom).contains("data-group=\"" + g + "\"").contains("data-heatmap=\"" + g + "\"");
    }
    assertThat(dom).contains("class=\"rule new\" data-rule=\"Swiss French\"");
    assertThat(dom).contains("class=\"rule changed\" data-rule=\"Billing pages\"");
    assertThat(dom).contains("auto_access/French visitors"); // deleted, struck through
    // Vertrieb (Europe/Berlin) has agents on Monday 09:00 and nobody on Sunday 03:00
    assertThat(count(dom, "Vertrieb", "monday", 9)).isGreaterThan(0);
    assertThat(count(dom, "Vertrieb", "sunday", 3)).isZero();
    assertThat(dom).contains("data-type=\"unrouted-group\"");

    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    browser.get().screenshot(html, SCREENSHOT.toAbsolutePath(), profile);
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /** The count in the heatmap cell of {@code group} at {@code day}/{@code hour}. */
  private static int count(String dom, String group, String day, int hour) {
    int start = dom.indexOf("data-heatmap=\"" + group + "\"");
    int end = dom.indexOf("</table>", start);
    assertThat(start).as("heatmap of " + group).isPositive();
    Matcher m =
        Pattern.compile("data-day=\"" + day + "\" data-hour=\"" + hour + "\" data-count=\"(\\d+)\"")
            .matcher(dom.substring(start, end));
    assertThat(m.find()).as(group + " " + day + " " + hour).isTrue();
    return Integer.parseInt(m.group(1));
  }
}

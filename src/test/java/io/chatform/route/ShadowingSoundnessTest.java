package io.chatform.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.SourceLocation;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lint's "can never match" must be sound: whenever {@link Shadowing} says an earlier rule
 * shadows a later one, no visitor matches the later rule without matching the earlier one (checked
 * with the router's own matcher on random rules and visitors; seeded and bounded).
 */
class ShadowingSoundnessTest {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> URLS =
      List.of(
          "https://acme.example/",
          "https://acme.example/pricing",
          "https://acme.example/pricing/de",
          "https://shop.acme.example/pricing",
          "https://partner.acme.example/x",
          "https://acme.example/xpricing",
          "https://de.acme.example/shop.acme.example",
          "http://ACME.example/Pricing",
          "");
  static final List<String> PIECES =
      List.of("acme", "pricing", "/pricing", "shop.acme.example", "partner", "acme.example", "de");
  static final List<String> CODES = List.of("DE", "FR", "");
  static final List<String> CITIES = List.of("Berlin", "Paris", "");

  @Test
  void shadowsImpliesNoVisitorReachesTheLaterRule() {
    Random rnd = new Random(20);
    int proven = 0;
    for (int i = 0; i < 1000; i++) {
      Rule a = rule(rnd);
      Rule b = rule(rnd);
      if (!Shadowing.shadows(a, b)) {
        continue;
      }
      proven++;
      for (String url : URLS) {
        for (String code : CODES) {
          for (String city : CITIES) {
            Visitor v = new Visitor(url, "", "", code, "", city);
            if (RuleMatcher.whyNot(b, v).isEmpty()) {
              assertThat(RuleMatcher.whyNot(a, v))
                  .as("%s shadows %s, yet %s matches only the later", a, b, v)
                  .isEmpty();
            }
          }
        }
      }
    }
    assertThat(proven).as("the generator must produce shadowing pairs").isGreaterThan(20);
  }

  private static Rule rule(Random rnd) {
    ObjectNode c = F.objectNode();
    int which = 1 + rnd.nextInt(7); // bit 1 url, 2 domain, 4 geolocation
    if ((which & 1) != 0) {
      c.set("url", text(rnd));
    }
    if ((which & 2) != 0) {
      c.set("domain", text(rnd));
    }
    if ((which & 4) != 0) {
      ArrayNode values = c.putObject("geolocation").putArray("values");
      for (int k = 0; k <= rnd.nextInt(2); k++) {
        ObjectNode g = values.addObject();
        g.put("country_code", CODES.get(rnd.nextInt(2)));
        if (rnd.nextBoolean()) {
          g.put("city", CITIES.get(rnd.nextInt(2)));
        }
      }
    }
    return new Rule("r" + rnd.nextInt(1000), List.of("G"), c, SourceLocation.NONE);
  }

  private static ObjectNode text(Random rnd) {
    ObjectNode cond = F.objectNode();
    ArrayNode list = cond.putArray(rnd.nextInt(3) == 0 ? "exclude_values" : "values");
    for (int k = 0; k <= rnd.nextInt(2); k++) {
      boolean exact = rnd.nextInt(3) == 0;
      String v =
          exact ? URLS.get(rnd.nextInt(URLS.size() - 1)) : PIECES.get(rnd.nextInt(PIECES.size()));
      list.addObject().put("value", v).put("exact_match", exact);
    }
    return cond;
  }
}

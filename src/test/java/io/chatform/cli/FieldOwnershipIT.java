package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field ownership (#16) against the sandbox: removing each owned field of each kind plans its reset
 * and applying it converges; a hand-set omitted field is drift; login_status is not unless
 * declared; {@code policy.fields: declared} and {@code --fields declared} keep comparing declared
 * keys only.
 */
class FieldOwnershipIT {
  private static final String APP = "c0ffee00c0ffee00c0ffee00c0ffee00";

  /** Every owned field of every kind set away from its default. */
  private static final String SET =
      """
      version: 1
      groups:
        - {name: Support, language_code: de}
      agents:
        - id: ann@x.example
          name: Ann
          job_title: Support lead
          mobile: "+48 123"
          max_chats_count: 3
          groups: [{group: Support, priority: first}]
          work_scheduler:
            timezone: Europe/Warsaw
            schedule: [{day: monday, enabled: true, start: "09:00", end: "17:00"}]
      bots:
        - name: Triage
          owner_client_id: %1$s
          job_title: Helper
          max_chats_count: 9
          default_group_priority: first
          type: assistant
          groups: [{group: Support, priority: last}]
          work_scheduler:
            timezone: Europe/Warsaw
            schedule: [{day: friday, enabled: true, start: "10:00", end: "12:00"}]
      tags:
        - {name: vip, groups: [Support]}
      webhooks:
        - owner_client_id: %1$s
          type: license
          action: incoming_chat
          url: https://hooks.x.example/lc
          secret_key: sandbox-not-a-secret
          description: New chats
          filters: {only_my_chats: true}
          additional_data: [chat_properties]
      bot_templates:
        - owner_client_id: %1$s
          name: Concierge
          job_title: Virtual assistant
          max_chats_count: 20
          default_group_priority: first
      """
          .formatted(APP);

  /** The same objects with every owned field left out. */
  private static final String BARE =
      """
      version: 1
      groups:
        - {name: Support}
      agents:
        - {id: ann@x.example, name: Ann}
      bots:
        - {name: Triage, owner_client_id: %1$s}
      tags:
        - {name: vip}
      webhooks:
        - owner_client_id: %1$s
          type: license
          action: incoming_chat
          url: https://hooks.x.example/lc
          secret_key: sandbox-not-a-secret
      bot_templates:
        - {owner_client_id: %1$s, name: Concierge}
      """
          .formatted(APP);

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--sandbox";
    all[args.length + 1] = "--sandbox-state";
    all[args.length + 2] = tmp.resolve("s.json").toString();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
  }

  private Path write(String name, String yaml) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private void apply(Path m, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "apply";
    args[1] = "-f";
    args[2] = m.toString();
    args[3] = "--auto-approve";
    args[4] = "--progress=none";
    System.arraycopy(more, 0, args, 5, more.length);
    assertThat(run(args)).as(out + err.toString()).isZero();
  }

  private void assertNoChanges(Path m) {
    assertThat(run("plan", "-f", m.toString(), "--detailed-exitcode"))
        .as(out + err.toString())
        .isZero();
    assertThat(out.toString()).contains("No changes.");
  }

  @Test
  void removingEachOwnedFieldPlansItsResetAndApplyingItConverges() throws Exception {
    Path set = write("set.yaml", SET);
    Path bare = write("bare.yaml", BARE);
    apply(set);
    assertNoChanges(set);

    assertThat(run("plan", "-f", bare.toString(), "--detailed-exitcode"))
        .as(err.toString())
        .isEqualTo(ExitCodes.CHANGES);
    String plan = out.toString();
    assertThat(plan)
        .contains("Fields: owned")
        .contains("language_code: \"de\" → (unset)")
        .contains("job_title: \"Support lead\" → (unset)")
        .contains("mobile: \"+48 123\" → (unset)")
        .contains("max_chats_count: 3 → (unset)")
        .contains("job_title: \"Helper\" → (unset)")
        .contains("max_chats_count: 9 → (unset)")
        .contains("default_group_priority: \"first\" → (unset)")
        .contains("type: \"assistant\" → (unset)")
        .contains("groups: [\"Support\"] → (unset)")
        .contains("filters: {only_my_chats: true} → (unset)")
        .contains("additional_data: [\"chat_properties\"] → (unset)")
        .contains("description: \"New chats\" → (unset)")
        .contains("job_title: \"Virtual assistant\" → (unset)")
        .contains("max_chats_count: 20 → (unset)");
    assertThat(plan.split("work_scheduler: ", -1)).as(plan).hasSize(3); // agent and bot
    assertThat(plan.split("groups: \\[\\{group: ", -1)).as(plan).hasSize(3); // agent and bot
    assertThat(plan).contains("-/+ webhooks/").contains("→ (unset)  # forces replacement");

    apply(bare);
    assertNoChanges(bare);
    // The account holds the defaults now: the full manifest plans every field back.
    assertThat(run("plan", "-f", set.toString(), "--detailed-exitcode"))
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString())
        .contains("language_code: \"en\" → \"de\"")
        .contains("job_title: \"\" → \"Support lead\"")
        .contains("max_chats_count: 6 → 3")
        .contains("default_group_priority: \"normal\" → \"first\"");
  }

  @Test
  void handSetOmittedFieldsAreDriftButLoginStatusOnlyWhenDeclared() throws Exception {
    Path bare = write("bare.yaml", BARE);
    apply(bare);
    assertThat(run("drift", "-f", bare.toString())).as(out + err.toString()).isZero();
    // By hand (here: through another manifest) an agent sets a job title and goes online.
    apply(
        write(
            "hand.yaml",
            BARE.replace(
                "{id: ann@x.example, name: Ann}",
                "{id: ann@x.example, name: Ann, job_title: Night owl,"
                    + " login_status: accepting chats}")));
    assertThat(run("drift", "-f", bare.toString())).isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString())
        .contains("job_title: \"Night owl\" → (unset)")
        .doesNotContain("login_status");
    assertThat(run("drift", "-f", bare.toString(), "--fields", "declared"))
        .as("the declared mode sees no drift in fields the manifest omits")
        .isZero();

    // Only the job title set back by hand: login_status alone is no drift...
    apply(
        write(
            "online.yaml",
            BARE.replace(
                "{id: ann@x.example, name: Ann}",
                "{id: ann@x.example, name: Ann, job_title: null, login_status: accepting chats}")));
    assertThat(run("drift", "-f", bare.toString())).as(out.toString()).isZero();
    // ...unless the manifest declares it.
    Path declares =
        write(
            "declares.yaml",
            BARE.replace(
                "{id: ann@x.example, name: Ann}",
                "{id: ann@x.example, name: Ann, login_status: not accepting chats}"));
    assertThat(run("drift", "-f", declares.toString())).isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString()).contains("login_status: \"accepting chats\" → \"not accepting");
  }

  @Test
  void theDeclaredModeKeepsComparingDeclaredKeysOnly() throws Exception {
    apply(write("set.yaml", SET));
    Path bare = write("bare.yaml", BARE);
    assertThat(run("plan", "-f", bare.toString(), "--fields", "declared", "--detailed-exitcode"))
        .as(out + err.toString())
        .isZero();
    assertThat(out.toString()).contains("Fields: declared").contains("No changes.");
    Path declared = write("declared.yaml", BARE.replace("version: 1\n", POLICY_DECLARED));
    assertNoChanges(declared);
    assertThat(out.toString()).contains("Fields: declared");
    // The flag wins over the manifest; null still unsets in the declared mode.
    assertThat(run("plan", "-f", declared.toString(), "--fields", "owned", "--detailed-exitcode"))
        .isEqualTo(ExitCodes.CHANGES);
    Path unset =
        write(
            "unset.yaml",
            BARE.replace("version: 1\n", POLICY_DECLARED)
                .replace("{name: vip}", "{name: vip, groups: null}"));
    assertThat(run("plan", "-f", unset.toString(), "--json", "--detailed-exitcode"))
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString())
        .contains("\"fields\" : \"declared\"")
        .contains("\"update\" : 1")
        .contains("\"unset\" : true");
    assertThat(run("plan", "-f", bare.toString(), "--fields", "sometimes"))
        .isNotZero()
        .isNotEqualTo(ExitCodes.CHANGES);
    assertThat(err.toString()).contains("--fields takes owned or declared");
  }

  @Test
  void aSavedPlanIsAppliedInTheModeItWasMadeIn() throws Exception {
    apply(write("set.yaml", SET));
    Path bare = write("bare.yaml", BARE);
    Path saved = tmp.resolve("plan.json");
    assertThat(
            run("plan", "-f", bare.toString(), "--fields", "declared", "--out", saved.toString()))
        .as(out + err.toString())
        .isZero();
    assertThat(Files.readString(saved)).contains("\"fields\" : \"declared\"");
    assertThat(run("apply", saved.toString(), "-f", bare.toString(), "--auto-approve"))
        .as(out + err.toString())
        .isZero();
    // Nothing was reset: the owned-mode plan still resets every field.
    assertThat(run("plan", "-f", bare.toString(), "--detailed-exitcode"))
        .isEqualTo(ExitCodes.CHANGES);
  }

  @Test
  void exportThenPlanIsNoChangesInBothModes() throws Exception {
    apply(write("set.yaml", SET));
    Path exported = tmp.resolve("export/chatform.yaml");
    assertThat(run("export", "-o", exported.toString())).as(err.toString()).isZero();
    Path withSecret = tmp.resolve("export/with-secret.yaml");
    Files.writeString(
        withSecret,
        Files.readString(exported).replace("${env:LC_WEBHOOK_SECRET}", "sandbox-not-a-secret"));
    assertNoChanges(withSecret);
    assertThat(
            run("plan", "-f", withSecret.toString(), "--fields", "declared", "--detailed-exitcode"))
        .isZero();
  }

  @Test
  void validateRefusesNullOnAFieldChatformDoesNotOwn() throws Exception {
    Path m =
        write(
            "bad.yaml",
            BARE.replace("{id: ann@x.example, name: Ann}", "{id: ann@x.example, name: null}"));
    assertThat(run("validate", "-f", m.toString())).isEqualTo(ExitCodes.ERROR);
    assertThat(out + err.toString())
        .contains("bad.yaml:5:")
        .contains("agents[0].name: expected string, found nothing (null)")
        .contains("null means unset only on the fields chatform owns");
    Path ok = write("ok.yaml", BARE.replace("{name: vip}", "{name: vip, groups: null}"));
    assertThat(run("validate", "-f", ok.toString())).as(out + err.toString()).isZero();
  }

  /** Every owned field of every kind null: valid, linted, planned as resets, applied. */
  @Test
  void nullOnEveryOwnedFieldValidatesAndUnsets() throws Exception {
    Path set = write("set.yaml", SET);
    apply(set);
    Path nulls =
        write(
            "nulls.yaml",
            """
            version: 1
            groups:
              - {name: Support, language_code: null}
            agents:
              - {id: ann@x.example, name: Ann, job_title: null, mobile: null,
                 max_chats_count: null, groups: null, work_scheduler: null}
            bots:
              - {name: Triage, owner_client_id: %1$s, job_title: null, max_chats_count: null,
                 default_group_priority: null, type: null, groups: null, work_scheduler: null}
            tags:
              - {name: vip, groups: null}
            webhooks:
              - owner_client_id: %1$s
                type: license
                action: incoming_chat
                url: https://hooks.x.example/lc
                secret_key: sandbox-not-a-secret
                description: null
                filters: null
                additional_data: null
            bot_templates:
              - {owner_client_id: %1$s, name: Concierge, job_title: null, max_chats_count: null,
                 default_group_priority: null}
            """
                .formatted(APP));
    assertThat(run("validate", "-f", nulls.toString(), "--lint")).as(out + err.toString()).isZero();
    assertThat(run("plan", "-f", nulls.toString(), "--detailed-exitcode"))
        .as(err.toString())
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString()).contains("(unset)").contains("5 to update, 1 to replace");
    apply(nulls);
    assertNoChanges(nulls);
    assertNoChanges(write("bare.yaml", BARE));
  }

  private static final String POLICY_DECLARED = "version: 1\npolicy:\n  fields: declared\n";
}

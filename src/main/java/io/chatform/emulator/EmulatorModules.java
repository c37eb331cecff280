package io.chatform.emulator;

import java.util.List;

/** The one place that lists every module of the emulator, so adding a family is one line here. */
public final class EmulatorModules {
  private EmulatorModules() {}

  /**
   * Builds a fresh set of modules over one account. {@code account} is the shared
   * agents/groups/bots state; it is also the {@link Account} view the other modules (auto access,
   * properties) query.
   */
  public static List<Module> modules(Roster account) {
    return List.of(
        new GroupsModule(account),
        new AgentsModule(account),
        new BotsModule(account),
        new BotTemplatesModule(),
        new TagsModule(account),
        new GreetingsModule(account),
        new CannedResponsesModule(account),
        new AllowedDomainsModule(),
        new AutoAccessModule(account),
        new PropertiesModule(account),
        new WebhooksModule(),
        new LicenseModule());
  }
}

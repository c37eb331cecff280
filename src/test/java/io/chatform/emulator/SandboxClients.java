package io.chatform.emulator;

import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.api.Secret;
import io.chatform.model.ApiVersion;

/**
 * A raw client on an emulator with the sandbox's credentials, as a second app (or a person in the
 * LiveChat app) would write to the account behind chatform's back: the tests that seed duplicates,
 * ghost leases or lost objects share it.
 */
public final class SandboxClients {
  private SandboxClients() {}

  public static LiveChatClient client(Emulator e) {
    return client(e, ApiVersion.V3_6);
  }

  public static LiveChatClient client(Emulator e, ApiVersion version) {
    return LiveChatClient.create(
        ClientConfig.builder(
                new Credentials.Pat(
                    EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
            .apiUrl(e.baseUrl())
            .version(version)
            .build());
  }
}

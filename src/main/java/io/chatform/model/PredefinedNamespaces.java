package io.chatform.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The property namespaces a LiveChat license has without any app: {@code test} and the predefined
 * public ones of the docs' "Default properties" reference. They belong to no Client ID, so chatform
 * never reads them into a snapshot, never exports and never prunes them; shared by the emulator
 * (which serves them) and the reader (which skips them) so both agree on one list.
 */
public final class PredefinedNamespaces {
  /**
   * From livechat-public-docs {@code src/pages/messaging/references/default-properties/index.mdx}
   * (its Reference table), in that order.
   */
  public static final List<String> ALL =
      List.of(
          "chats",
          "core",
          "ecommerce",
          "lc2",
          "limits",
          "monitoring",
          "rating",
          "routing",
          "smart_actions",
          "source",
          "url_details",
          "statistics",
          "status",
          "test",
          "translation");

  /** What a manifest accepts as a namespace: an app's Client ID. */
  private static final Pattern CLIENT_ID = Pattern.compile("[0-9a-f]{32}");

  private PredefinedNamespaces() {}

  /**
   * True when values in {@code namespace} are chatform's to read and manage: a Client ID's
   * namespace. The predefined namespaces, and any other namespace that is not a Client ID (the
   * service may add predefined ones; a manifest cannot name them), are left alone.
   */
  public static boolean managed(String namespace) {
    return !ALL.contains(namespace) && CLIENT_ID.matcher(namespace).matches();
  }
}

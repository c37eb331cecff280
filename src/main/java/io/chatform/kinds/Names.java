package io.chatform.kinds;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Group id ↔ name, so live objects (which name groups by id) can be shown and compared by name, and
 * names in manifests turned into ids when writing. Thread-safe: apply adds new groups as their
 * creates finish.
 */
public final class Names {
  private final Map<Long, String> groupNames = new HashMap<>();
  private final Map<String, Long> groupIds = new HashMap<>();

  public synchronized void group(long id, String name) {
    groupNames.put(id, name);
    groupIds.putIfAbsent(name, id);
  }

  /** Group {@code id} now has {@code name} (renamed in place); its old name still finds it. */
  public synchronized void renameGroup(long id, String name) {
    groupNames.put(id, name);
    groupIds.put(name, id);
  }

  public synchronized void forgetGroup(String name) {
    Long id = groupIds.remove(name);
    if (id != null) {
      groupNames.remove(id);
    }
  }

  /** The name of group {@code id}; an unknown id shows as {@code #id} so it still diffs. */
  public synchronized String groupName(long id) {
    String name = groupNames.get(id);
    return name == null ? "#" + id : name;
  }

  public synchronized Optional<Long> groupId(String name) {
    if (name.startsWith("#")) {
      try {
        return Optional.of(Long.parseLong(name.substring(1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(groupIds.get(name));
  }
}

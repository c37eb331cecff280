package io.chatform.api;

import java.util.Optional;

/**
 * The answer of {@code create_bot}: the new id and, when the server returned it, the bot secret
 * (absent when the client had to recover the id by re-reading after an ambiguous failure; reset the
 * secret then if it is needed).
 */
public record BotCreated(String id, Optional<Secret> secret) {}

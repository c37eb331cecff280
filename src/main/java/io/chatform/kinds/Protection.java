package io.chatform.kinds;

/**
 * Why a live object must never be deleted.
 *
 * @param quiet true when saying so on every plan would only be noise (the owner, group 0)
 */
public record Protection(String reason, boolean quiet) {}

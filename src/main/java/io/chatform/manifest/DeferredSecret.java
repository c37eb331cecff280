package io.chatform.manifest;

/**
 * A reference in a write-only field (a webhook's {@code secret_key}) that could not be resolved
 * while planning: harmless unless the plan sends the field, and then {@link #why} is the error.
 *
 * @param address the object's address, e.g. {@code webhooks/<client id>/license/incoming_chat/…}
 * @param pointer the field inside the object's spec, e.g. {@code /secret_key}
 * @param why what is wrong with the reference, located (never the secret itself)
 */
public record DeferredSecret(String address, String pointer, Diagnostic why) {}

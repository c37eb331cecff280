package io.chatform.manifest;

import io.chatform.model.SourceLocation;

/**
 * One problem found in the manifests, precise enough to jump to: where, which value, what is wrong
 * and what to do about it.
 *
 * @param location file:line:col (1-based) of the offending node
 * @param path the node's path inside its file, e.g. {@code agents[3].groups[0].group}; empty for
 *     problems with the file as a whole (syntax errors, unreadable files)
 * @param message what is wrong; never contains a value that came from {@code ${env:…}} or {@code
 *     ${file:…}}
 * @param hint what to do about it; may be empty
 */
public record Diagnostic(SourceLocation location, String path, String message, String hint) {

  /** {@code file:line:col: path: message (hint)}, leaving out an empty path or hint. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(location.file()).append(':').append(location.line()).append(':');
    b.append(location.column()).append(": ");
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    b.append(message);
    if (!hint.isEmpty()) {
      b.append(" (").append(hint).append(')');
    }
    return b.toString();
  }
}

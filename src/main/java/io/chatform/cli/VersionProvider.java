package io.chatform.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so {@code --version} never lies about the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = ChatformCommand.class.getPackage().getImplementationVersion();
    return new String[] {"chatform " + (v == null ? "dev" : v)};
  }
}

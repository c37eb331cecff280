package io.chatform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the local LiveChat Configuration API emulator (filled in by the emulator work). */
@Command(name = "emulator", description = "Run a local LiveChat Configuration API emulator.")
public final class EmulatorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserException("the emulator is not built yet");
  }
}

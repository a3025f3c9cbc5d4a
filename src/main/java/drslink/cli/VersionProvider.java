package drslink.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = DrslinkCommand.class.getPackage().getImplementationVersion();
    return new String[] {"drslink " + (version == null ? "development build" : version)};
  }
}

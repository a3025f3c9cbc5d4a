package drslink.cli;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Drslink.execute(args));
  }
}

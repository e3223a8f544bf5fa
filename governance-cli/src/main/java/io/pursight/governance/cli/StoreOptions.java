package io.pursight.governance.cli;

import io.pursight.governance.core.Governance;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the catalog is kept: an H2 file (default), a JDBC database, or memory. */
final class StoreOptions {
  @Option(names = "--store-dir", paramLabel = "DIR", defaultValue = ".pursight",
      description = "Directory of the embedded H2 catalog (default: ${DEFAULT-VALUE}).")
  Path directory;

  @Option(names = "--store-url", paramLabel = "JDBC_URL",
      description = "Keep the catalog in this database instead (H2 or PostgreSQL).")
  String url;

  @Option(names = "--store-user", paramLabel = "USER", description = "User for --store-url.")
  String user;

  @Option(names = "--store-password-env", paramLabel = "VAR",
      description = "Environment variable holding the password for --store-url.")
  String passwordEnv;

  @Option(names = "--in-memory", description = "Do not persist the catalog.")
  boolean inMemory;

  void apply(Governance.Builder b) {
    if (inMemory) {
      b.inMemoryStore();
    } else if (url != null) {
      b.jdbcStore(url, user, passwordEnv == null ? null : Cli.env(passwordEnv));
    } else {
      b.storeDirectory(directory);
    }
  }

  String describe() {
    if (inMemory) {
      return "in memory (not persisted)";
    }
    if (url != null) {
      return url;
    }
    return directory.resolve("catalog.mv.db").toAbsolutePath().normalize().toString();
  }
}

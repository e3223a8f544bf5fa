package io.pursight.governance.policy.rules;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.PolicyEngine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The rules policy engine: policies from a YAML or JSON file (or inline YAML), indexed once per
 * load, deciding requests without I/O. Thread-safe. With {@code rules.reload} (the default for
 * files) a daemon thread re-reads the file every {@code rules.reloadInterval}; a valid new file
 * replaces the policies in one step and changes {@link #version()}, an invalid one is reported to
 * {@link #onReloadFailure} listeners and the log while the previous policies stay in force.
 *
 * <p>The policy language, its settings and the precedence of effects are described in {@code
 * docs/policies.md}. Obtain an engine through the {@code rules} policy provider of {@link
 * RulesPlugin}, or directly with {@link #create} or {@link #fromYaml}.
 */
public final class RulesEngine implements PolicyEngine {
  private static final System.Logger LOG = System.getLogger(RulesEngine.class.getName());

  private final Settings settings;
  private final Map<String, MaskingFunction> masking;
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<ConfigurationException>> failureListeners = new CopyOnWriteArrayList<>();
  private final Object loadLock = new Object();
  private final ScheduledExecutorService watcher;
  private volatile Loaded current;
  private volatile boolean closed;
  private long generation;
  private byte[] failedHash;
  private String failedRead;

  private record Loaded(PolicySet set, String version, byte[] hash) {}

  private RulesEngine(Settings settings, Map<String, MaskingFunction> masking) {
    this.settings = settings;
    this.masking = Map.copyOf(masking);
    synchronized (loadLock) {
      install(readSource());
    }
    if (settings.reload) {
      String name = "pursight-rules-watch-" + settings.file.getFileName();
      watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
      long ms = settings.reloadInterval.toMillis();
      watcher.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    } else {
      watcher = null;
    }
  }

  /**
   * Creates an engine from settings: {@code rules.file} or {@code rules.text}, {@code rules.default}
   * ({@code allow} or {@code deny}; allow when unset), {@code rules.reload} (true), {@code
   * rules.reloadInterval} (2 s), {@code rules.extraInfoTypes} and {@code rules.extraCategories}
   * (comma-separated).
   *
   * @param masking the available masking functions by name; mask policies are checked against them
   * @throws ConfigurationException on a bad setting, an unreadable file or invalid policies (naming
   *     the file, line, column and reason of every problem)
   */
  public static RulesEngine create(PluginConfig config, Map<String, MaskingFunction> masking) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(masking, "masking");
    return new RulesEngine(Settings.of(config), masking);
  }

  /**
   * Creates an engine from inline YAML, with the default effect allow.
   *
   * @throws ConfigurationException when the policies are invalid
   */
  public static RulesEngine fromYaml(String yaml, Map<String, MaskingFunction> masking) {
    Objects.requireNonNull(yaml, "yaml");
    return create(new PluginConfig(Map.of(Settings.TEXT, yaml)), masking);
  }

  @Override
  public Decision decide(AccessRequest request, List<FieldFacts> facts) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(facts, "facts");
    return current.set.decide(request, facts);
  }

  /** The ids of the loaded policies, in file order. */
  @Override
  public List<String> policyIds() {
    return current.set.policies.stream().map(p -> p.id).toList();
  }

  /** {@code <generation>-<first 12 hex digits of the policy text's SHA-256>}; changes on every load. */
  @Override
  public String version() {
    return current.version;
  }

  @Override
  public void onChange(Runnable listener) {
    changeListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Registers a callback for reloads that failed (an unreadable or invalid file); the previous
   * policies stay in force. Each distinct failure is reported once.
   */
  public void onReloadFailure(Consumer<ConfigurationException> listener) {
    failureListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Loads the policies again now (from the file, or the same inline text), independent of watching.
   *
   * @throws ConfigurationException when the file cannot be read or is invalid; the previous
   *     policies stay in force
   */
  public void reload() {
    synchronized (loadLock) {
      install(readSource());
    }
    fireChange();
  }

  /** Stops watching the file. Decisions keep working with the last policies. */
  @Override
  public void close() {
    closed = true;
    if (watcher != null) {
      watcher.shutdownNow();
    }
  }

  // ---- loading ---------------------------------------------------------------------------------

  private byte[] readSource() {
    if (settings.file == null) {
      return settings.text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Files.readAllBytes(settings.file);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read policy file " + settings.file + " (setting '" + Settings.FILE
          + "'): " + e.getClass().getSimpleName(), e);
    }
  }

  /** Compiles {@code bytes} and makes them current; throws without changing anything when invalid. */
  private void install(byte[] bytes) {
    Problems problems = new Problems(settings.source());
    String text = decode(bytes, problems);
    PolicySet set = PolicySet.compile(text, settings, masking, true, problems);
    byte[] hash = sha256(bytes);
    generation++;
    current = new Loaded(set, generation + "-" + HexFormat.of().formatHex(hash, 0, 6), hash);
    failedHash = null;
    failedRead = null;
    LOG.log(System.Logger.Level.DEBUG, "Loaded {0} policies from {1} (version {2})", set.size(), settings.source(),
        current.version);
  }

  private static String decode(byte[] bytes, Problems problems) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      problems.add(1, 1, "the file is not UTF-8 text");
      return null;
    }
  }

  /** One watch round: re-reads the file and installs a changed, stable, valid content. */
  private void poll() {
    if (closed) {
      return;
    }
    try {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(settings.file);
      } catch (IOException e) {
        String what = e.getClass().getSimpleName();
        if (!what.equals(failedRead)) {
          failedRead = what;
          report(new ConfigurationException("Cannot read policy file " + settings.file + " (" + what
              + "); keeping the policies of version " + current.version, e));
        }
        return;
      }
      failedRead = null;
      byte[] hash = sha256(bytes);
      if (Arrays.equals(hash, current.hash)) {
        failedHash = null;
        return;
      }
      if (Arrays.equals(hash, failedHash)) {
        return;
      }
      // an editor may still be writing: load only content that stays the same for a moment
      Thread.sleep(Math.min(100, settings.reloadInterval.toMillis() / 2));
      byte[] again = Files.readAllBytes(settings.file);
      if (!Arrays.equals(bytes, again) || closed) {
        return;
      }
      try {
        synchronized (loadLock) {
          install(bytes);
        }
      } catch (ConfigurationException e) {
        failedHash = hash;
        report(new ConfigurationException(e.getMessage() + "\nKeeping the policies of version " + current.version
            + ".", e));
        return;
      }
      LOG.log(System.Logger.Level.INFO, "Reloaded policies from {0} (version {1})", settings.file, current.version);
      fireChange();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // never let an exception end the watch schedule
      report(new ConfigurationException("Reloading " + settings.file + " failed (" + e.getClass().getSimpleName()
          + "); keeping the policies of version " + current.version, e));
    }
  }

  private void report(ConfigurationException e) {
    LOG.log(System.Logger.Level.WARNING, e.getMessage());
    for (Consumer<ConfigurationException> l : failureListeners) {
      try {
        l.accept(e);
      } catch (RuntimeException listenerFailure) {
        LOG.log(System.Logger.Level.WARNING, "A reload-failure listener failed", listenerFailure);
      }
    }
  }

  private void fireChange() {
    for (Runnable l : changeListeners) {
      try {
        l.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "A policy change listener failed", e);
      }
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}

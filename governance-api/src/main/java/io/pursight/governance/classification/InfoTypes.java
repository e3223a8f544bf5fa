package io.pursight.governance.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * A set of info types by id. {@link #builtIn()} holds every type PurSight detects out of the box
 * (the list in {@code info-types.tsv} next to this class); {@link #with(InfoType)} adds custom ones.
 * Instances are immutable.
 */
public final class InfoTypes {
  private static final InfoTypes BUILT_IN = load();
  private final Map<String, InfoType> byId;

  private InfoTypes(Map<String, InfoType> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** The built-in info types. */
  public static InfoTypes builtIn() {
    return BUILT_IN;
  }

  /** A set with {@code type} added, replacing any type with the same id. */
  public InfoTypes with(InfoType type) {
    Map<String, InfoType> copy = new LinkedHashMap<>(byId);
    copy.put(type.id(), type);
    return new InfoTypes(copy);
  }

  /** The type with this id, if known. */
  public Optional<InfoType> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The type with this id. @throws IllegalArgumentException naming the unknown id */
  public InfoType get(String id) {
    InfoType t = byId.get(id);
    if (t == null) {
      throw new IllegalArgumentException("Unknown info type '" + id + "'. Known types are listed by "
          + "InfoTypes.builtIn().all(); register custom ones first.");
    }
    return t;
  }

  /** All types, in no particular order. */
  public Collection<InfoType> all() {
    return byId.values();
  }

  /** The number of types. */
  public int size() {
    return byId.size();
  }

  private static InfoTypes load() {
    Map<String, InfoType> types = new LinkedHashMap<>();
    try (InputStream in = InfoTypes.class.getResourceAsStream("info-types.tsv")) {
      if (in == null) {
        throw new IllegalStateException("info-types.tsv is missing from governance-api's jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (header || line.isBlank()) {
          header = false;
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != 5) {
          throw new IllegalStateException("Bad line in info-types.tsv (" + c.length + " columns): " + line);
        }
        types.put(c[0], new InfoType(c[0], c[1], new LinkedHashSet<>(Arrays.asList(c[2].split(","))),
            Sensitivity.valueOf(c[3]), c[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new InfoTypes(types);
  }
}

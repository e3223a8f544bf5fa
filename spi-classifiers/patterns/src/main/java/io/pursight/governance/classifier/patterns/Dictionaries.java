package io.pursight.governance.classifier.patterns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The word lists in {@code dict/}: person names, cities, countries, gender and ethnicity
 * vocabularies, street words. Loaded once, immutable, shared by all classifiers.
 */
final class Dictionaries {
  private static volatile Dictionaries instance;

  final FoldedSet givenNames;
  final FoldedSet familyNames;
  final FoldedSet cities;
  final FoldedSet countryNames;
  final FoldedSet alpha2;
  final FoldedSet alpha3;
  final FoldedSet genderWords;
  final FoldedSet genderNeutral;
  final FoldedSet genderLetters;
  final FoldedSet ethnicity;
  final FoldedSet streetTypes;
  final List<String> streetSuffixes;
  final FoldedSet poBoxes;
  final FoldedSet nameParticles;
  /** Words that make a name a company's: legal forms and partnership words. */
  final FoldedSet companyWords;
  private final Set<String> upperAlpha2;

  private Dictionaries() {
    givenNames = new FoldedSet(lines("given-names.txt"));
    familyNames = new FoldedSet(lines("family-names.txt"));
    List<String> c = new ArrayList<>(lines("cities-generated.txt"));
    c.addAll(lines("cities-extra.txt"));
    cities = new FoldedSet(c);
    List<String> names = new ArrayList<>();
    List<String> a2 = new ArrayList<>();
    List<String> a3 = new ArrayList<>();
    for (String line : lines("countries.tsv")) {
      String[] p = line.split("\t");
      a2.add(p[0]);
      a3.add(p[1]);
      if (p.length > 2) {
        names.addAll(List.of(p[2].split("\\|")));
      }
    }
    for (String line : lines("country-aliases.txt")) {
      String[] p = line.split("\t");
      names.addAll(List.of(p[1].split("\\|")));
    }
    countryNames = new FoldedSet(names);
    alpha2 = new FoldedSet(a2);
    alpha3 = new FoldedSet(a3);
    upperAlpha2 = Set.copyOf(new HashSet<>(a2));
    List<String> gw = new ArrayList<>();
    List<String> gn = new ArrayList<>();
    List<String> gl = new ArrayList<>();
    for (String line : lines("gender.txt")) {
      String[] p = line.split("\t");
      switch (p[0]) {
        case "word" -> gw.add(p[1]);
        case "neutral" -> gn.add(p[1]);
        case "letter" -> gl.add(p[1]);
        default -> throw new IllegalStateException("gender.txt: unknown kind " + p[0]);
      }
    }
    genderWords = new FoldedSet(gw);
    genderNeutral = new FoldedSet(gn);
    genderLetters = new FoldedSet(gl);
    ethnicity = new FoldedSet(lines("ethnicity.txt"));
    List<String> types = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    List<String> po = new ArrayList<>();
    for (String line : lines("street-words.txt")) {
      String[] p = line.split("\t");
      switch (p[0]) {
        case "type" -> types.add(p[1]);
        case "suffix" -> suffixes.add(FoldedSet.fold(p[1]));
        case "pobox" -> po.add(p[1]);
        default -> throw new IllegalStateException("street-words.txt: unknown kind " + p[0]);
      }
    }
    streetTypes = new FoldedSet(types);
    streetSuffixes = List.copyOf(suffixes);
    poBoxes = new FoldedSet(po);
    companyWords = new FoldedSet(lines("company-words.txt"));
    nameParticles = new FoldedSet(List.of("van", "von", "de", "der", "den", "da", "di", "du", "del", "della",
        "dos", "das", "do", "le", "la", "bin", "binti", "bint", "al", "el", "ten", "ter", "zu", "y", "e", "of",
        "af", "van der", "van den", "de la", "st", "st.", "mc", "ibn", "abu"));
  }

  /** The shared instance (loaded on first use). */
  static Dictionaries get() {
    Dictionaries d = instance;
    if (d == null) {
      synchronized (Dictionaries.class) {
        d = instance;
        if (d == null) {
          d = new Dictionaries();
          instance = d;
        }
      }
    }
    return d;
  }

  /** True for an upper-case ISO 3166-1 alpha-2 code. */
  boolean isCountryCode(String upperCaseCode) {
    return upperAlpha2.contains(upperCaseCode);
  }

  /** The non-comment, non-blank lines of a resource in {@code dict/}. */
  static List<String> lines(String name) {
    List<String> out = new ArrayList<>();
    read("dict/" + name, out::add);
    return out;
  }

  static void read(String resource, Consumer<String> sink) {
    try (InputStream in = Dictionaries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + resource + " is missing from the classifier-patterns jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          sink.accept(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}

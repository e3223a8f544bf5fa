package io.pursight.governance.classifier.patterns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One-off generator of the dictionaries in {@code src/main/resources/.../patterns/dict}. Not a
 * test: run it by hand when the sources change, review the diff and commit the files.
 *
 * <ul>
 *   <li>{@code given-names.txt}, {@code family-names.txt}, {@code cities-generated.txt}: the
 *       name and real-city lists shipped in datafaker 2.7.0's locale files (Apache-2.0; the data
 *       comes from the Ruby faker project, MIT).
 *   <li>{@code countries.tsv}: ISO 3166-1 alpha-2 and alpha-3 codes and the country names in seven
 *       languages from the JDK's locale data (Unicode CLDR, Unicode License v3).
 * </ul>
 *
 * <p>Usage: {@code java -cp <test classpath> io.pursight.governance.classifier.patterns.DictionaryGenerator
 * spi-classifiers/patterns/src/main/resources/io/pursight/governance/classifier/patterns/dict}
 */
public final class DictionaryGenerator {
  private static final String[] LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl"};

  private DictionaryGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0]
        : "src/main/resources/io/pursight/governance/classifier/patterns/dict");
    Files.createDirectories(out);
    Map<String, String> given = new TreeMap<>();
    Map<String, String> family = new TreeMap<>();
    Map<String, String> cities = new TreeMap<>();

    // given names: key paths inside <locale>/faker/name
    String[][] givenSources = {
        {"en/name.yml", "en", "male_first_name"}, {"en/name.yml", "en", "female_first_name"},
        {"de.yml", "de", "male_first_name"}, {"de.yml", "de", "female_first_name"},
        {"fr.yml", "fr", "first_name"}, {"es.yml", "es", "male_first_name"},
        {"es.yml", "es", "female_first_name"}, {"es-MX.yml", "es-MX", "first_name"},
        {"es-AR.yml", "es-AR", "first_name"}, {"it.yml", "it", "first_name"},
        {"pt.yml", "pt", "first_name"}, {"pt-BR.yml", "pt-BR", "male_first_name"},
        {"pt-BR.yml", "pt-BR", "female_first_name"}, {"nl.yml", "nl", "first_name"},
        {"en-IN.yml", "en-IN", "first_name"}, {"en-NG.yml", "en-NG", "first_name"},
        {"en-PAK.yml", "en-PAK", "first_name"}, {"tr.yml", "tr", "male_first_name"},
        {"tr.yml", "tr", "female_first_name"}, {"pl.yml", "pl", "first_name"},
        {"sv.yml", "sv", "male_first_name"}, {"sv.yml", "sv", "female_first_name"},
        {"da-DK.yml", "da-DK", "male_first_name"}, {"da-DK.yml", "da-DK", "female_first_name"},
        {"id.yml", "id", "first_name"}, {"hu.yml", "hu", "male_first_name"},
        {"ru.yml", "ru", "male_first_name"}, {"ru.yml", "ru", "female_first_name"},
        {"ar.yml", "ar", "male_first_name"}, {"ar.yml", "ar", "female_first_name"},
        {"ja.yml", "ja", "first_name"}, {"zh-CN.yml", "zh-CN", "first_name"},
        {"ko.yml", "ko", "first_name"}, {"el-GR.yml", "el-GR", "male_first_name"},
        {"el-GR.yml", "el-GR", "female_first_name"},
    };
    String[][] familySources = {
        {"en/name.yml", "en", "last_name"}, {"de.yml", "de", "last_name"}, {"fr.yml", "fr", "last_name"},
        {"es.yml", "es", "last_name"}, {"es-MX.yml", "es-MX", "last_name"}, {"es-AR.yml", "es-AR", "last_name"},
        {"it.yml", "it", "last_name"}, {"pt.yml", "pt", "last_name"}, {"pt-BR.yml", "pt-BR", "last_name"},
        {"nl.yml", "nl", "last_name"}, {"en-IN.yml", "en-IN", "last_name"}, {"en-NG.yml", "en-NG", "last_name"},
        {"en-PAK.yml", "en-PAK", "last_name"}, {"en-AU.yml", "en-AU", "last_name"}, {"tr.yml", "tr", "last_name"},
        {"pl.yml", "pl", "last_name"}, {"sv.yml", "sv", "last_name"}, {"da-DK.yml", "da-DK", "last_name"},
        {"id.yml", "id", "last_name"}, {"hu.yml", "hu", "last_name"}, {"ru.yml", "ru", "male_last_name"},
        {"ru.yml", "ru", "female_last_name"}, {"ar.yml", "ar", "last_name"}, {"ja.yml", "ja", "last_name"},
        {"zh-CN.yml", "zh-CN", "last_name"}, {"ko.yml", "ko", "last_name"}, {"vi.yml", "vi", "first_name"},
        {"el-GR.yml", "el-GR", "male_last_name"}, {"el-GR.yml", "el-GR", "female_last_name"},
    };
    for (String[] s : givenSources) {
      addNames(given, list(s[0], s[1], "name", s[2]));
    }
    for (String[] s : familySources) {
      addNames(family, list(s[0], s[1], "name", s[2]));
    }
    String[][] citySources = {
        {"fr.yml", "fr", "address", "city_name"}, {"es.yml", "es", "address", "city_prefix"},
        {"it.yml", "it", "address", "state"}, {"pt.yml", "pt", "address", "city_name"},
        {"pt-BR.yml", "pt-BR", "address", "city"}, {"en-IN.yml", "en-IN", "address", "city"},
        {"ca-CAT.yml", "ca-CAT", "address", "city"}, {"pl.yml", "pl", "address", "city_name"},
        {"cs.yml", "cs", "address", "city_name"}, {"tr.yml", "tr", "address", "city_name"},
        {"sv-SE.yml", "sv-SE", "address", "city_name"}, {"de-AT.yml", "de-AT", "address", "city_name"},
        {"fr-CH.yml", "fr-CH", "address", "city_name"}, {"en-MS.yml", "en-MS", "address", "city_name"},
        {"id.yml", "id", "address", "city_name"}, {"hr.yml", "hr", "address", "city_name"},
        {"et.yml", "et", "address", "city_name"}, {"lv.yml", "lv", "address", "city_name"},
        {"ru.yml", "ru", "address", "city_name"}, {"ar.yml", "ar", "address", "city_name"},
        {"zh-CN.yml", "zh-CN", "address", "city"}, {"en/nation.yml", "en", "nation", "capital_city"},
        {"en/country.yml", "en", "country", "capital"},
    };
    for (String[] s : citySources) {
      for (String c : list(s[0], s[1], s[2], s[3])) {
        String v = c.strip();
        if (v.startsWith("г. ")) {
          v = v.substring(3);
        }
        if (v.length() >= 2 && v.chars().noneMatch(Character::isDigit) && !v.contains("#{")) {
          cities.putIfAbsent(fold(v), v);
        }
      }
    }
    String source = "datafaker 2.7.0 locale files (Apache-2.0; data from the Ruby faker project, MIT)";
    write(out.resolve("given-names.txt"), "Given names, several cultures and scripts", source, given.values());
    write(out.resolve("family-names.txt"), "Family names, several cultures and scripts", source, family.values());
    write(out.resolve("cities-generated.txt"), "Real city and municipality names", source, cities.values());
    writeCountries(out.resolve("countries.tsv"));
  }

  private static void addNames(Map<String, String> into, List<String> names) {
    for (String n : names) {
      for (String token : n.strip().split("[\\s]+")) {
        String t = token.strip();
        boolean cjk = t.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
        if (t.length() < (cjk ? 1 : 2) || t.contains("#{") || t.chars().anyMatch(Character::isDigit) || t.endsWith(".")) {
          continue;
        }
        if (Character.isLowerCase(t.charAt(0))) {
          continue; // particles (van, de, von) are handled by the matcher
        }
        into.putIfAbsent(fold(t), t);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(String file, String locale, String section, String key) {
    try (InputStream in = DictionaryGenerator.class.getResourceAsStream("/" + file)) {
      if (in == null) {
        throw new IllegalStateException("datafaker resource missing: " + file);
      }
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(64 * 1024 * 1024);
      Map<String, Object> root = new Yaml(options).load(in);
      Map<String, Object> faker = (Map<String, Object>) ((Map<String, Object>) root.get(locale)).get("faker");
      Map<String, Object> sec = (Map<String, Object>) faker.get(section);
      Object v = sec == null ? null : sec.get(key);
      if (!(v instanceof List)) {
        throw new IllegalStateException(file + ": no list at " + locale + ".faker." + section + "." + key);
      }
      List<String> out = new ArrayList<>();
      for (Object o : (List<Object>) v) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCountries(Path file) throws IOException {
    Map<String, String> lines = new TreeMap<>();
    for (String cc : Locale.getISOCountries()) {
      Locale l = new Locale("", cc);
      String a3;
      try {
        a3 = l.getISO3Country();
      } catch (java.util.MissingResourceException e) {
        continue;
      }
      Map<String, Boolean> names = new LinkedHashMap<>();
      for (String lang : LANGUAGES) {
        String n = l.getDisplayCountry(Locale.forLanguageTag(lang)).strip();
        if (!n.isEmpty() && !n.equals(cc)) {
          names.put(n.replace('\u2019', '\''), Boolean.TRUE);
        }
      }
      lines.put(cc, cc + "\t" + a3 + "\t" + String.join("|", names.keySet()));
    }
    List<String> out = new ArrayList<>();
    out.add("# ISO 3166-1 countries: alpha-2, alpha-3, names in en|de|fr|es|it|pt|nl (duplicates removed).");
    out.add("# Generated by DictionaryGenerator from the JDK " + System.getProperty("java.version")
        + " locale data (Unicode CLDR, Unicode License v3). Do not edit by hand; aliases go to country-aliases.txt.");
    out.addAll(lines.values());
    Files.write(file, out, StandardCharsets.UTF_8);
  }

  private static void write(Path file, String what, String source, Collection<String> values) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("# " + what + ", one per line (" + values.size() + " entries).");
    out.add("# Generated by DictionaryGenerator from " + source + ". Do not edit by hand.");
    out.addAll(values);
    Files.write(file, out, StandardCharsets.UTF_8);
  }

  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT);
  }
}

package org.backupcatalog.web.security;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTTP endpoints the application declares, found by reflection over the JAX-RS annotations of
 * every class below a package, in the code source (folder or jar) of a known resource class: {@code
 * "GET v1/{project_id}/checkpoint_items/count"}. Whatever the scan cannot map to such a pair (a
 * sub-resource locator, an HTTP method on a class that is no root resource) is reported as an entry
 * of its own, so that a comparison with a list of known endpoints fails on it rather than
 * overlooking it.
 */
public final class ResourceMethods {

  private ResourceMethods() {}

  /**
   * @param anchor a class whose code source holds the application's classes
   * @param packageName the package to scan, with its subpackages
   */
  public static Set<String> declaredBy(Class<?> anchor, String packageName) {
    List<Class<?>> classes = classesBelow(anchor, packageName);
    String applicationPath =
        classes.stream()
            .map(c -> c.getAnnotation(ApplicationPath.class))
            .filter(a -> a != null)
            .map(ApplicationPath::value)
            .findFirst()
            .orElse("");
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> type : classes) {
      Path root = type.getAnnotation(Path.class);
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method method : c.getDeclaredMethods()) {
          if (method.isSynthetic() || method.isBridge()) {
            continue;
          }
          List<String> verbs = httpMethods(method);
          Path sub = method.getAnnotation(Path.class);
          String where = type.getName() + "#" + method.getName();
          if (verbs.isEmpty() && sub != null) {
            endpoints.add("LOCATOR " + template(applicationPath, root, sub) + " (" + where + ")");
          } else if (!verbs.isEmpty() && root == null) {
            endpoints.add("NO ROOT PATH " + verbs + " (" + where + ")");
          } else {
            for (String verb : verbs) {
              endpoints.add(verb + " " + template(applicationPath, root, sub));
            }
          }
        }
      }
    }
    return endpoints;
  }

  /**
   * The HTTP methods of a method: its annotations that are themselves marked {@code @HttpMethod}.
   */
  private static List<String> httpMethods(Method method) {
    List<String> verbs = new ArrayList<>();
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        verbs.add(verb.value());
      }
    }
    return verbs;
  }

  /** The path template, relative to the root, with single slashes: {@code v1/{project_id}/x}. */
  private static String template(String applicationPath, Path root, Path sub) {
    return Stream.of(
            applicationPath, root == null ? "" : root.value(), sub == null ? "" : sub.value())
        .flatMap(part -> Arrays.stream(part.split("/")))
        .filter(segment -> !segment.isEmpty())
        .collect(Collectors.joining("/"));
  }

  private static List<Class<?>> classesBelow(Class<?> anchor, String packageName) {
    URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
    String folder = packageName.replace('.', '/') + "/";
    List<String> names = new ArrayList<>();
    try {
      java.nio.file.Path root = java.nio.file.Path.of(location.toURI());
      if (java.nio.file.Files.isDirectory(root)) {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root.resolve(folder))) {
          files
              .map(root::relativize)
              .map(p -> p.toString().replace(java.io.File.separatorChar, '/'))
              .filter(name -> name.endsWith(".class"))
              .forEach(names::add);
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(folder) && name.endsWith(".class")) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      if (className.endsWith("package-info") || className.endsWith("module-info")) {
        continue;
      }
      try {
        classes.add(Class.forName(className, false, anchor.getClassLoader()));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("Cannot load " + className + " to scan it", e);
      }
    }
    return classes;
  }
}
